package vn.ideabank.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;

/** Account administration and the profile page as an administrator and a member meet them. */
class AccountPagesTests extends IntegrationTest {

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long accountId(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	@Test
	void anAdministratorCreatesAnAccountAndSeesItsGeneratedPasswordOnce() {
		long th = units.findByCode("TH").orElseThrow().id();
		String username = "pham.van.duc" + (System.nanoTime() % 100000);
		Cookie session = mvc.get().uri("/admin/accounts/new").with(as("admin")).exchange().getResponse()
			.getCookie("IDEABANK_SESSION");
		var created = mvc.post().uri("/admin/accounts").with(as("admin")).with(csrf()).cookie(session)
			.param("username", username).param("displayName", "Phạm Văn Đức").param("kind", "PERSON")
			.param("unitId", String.valueOf(th)).param("role", "MEMBER").param("password", "").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		String password = (String) created.getMvcResult().getFlashMap().get("newPassword");
		assertThat(password).hasSizeGreaterThanOrEqualTo(10);
		// the page after the redirect shows it; the next visit no longer does
		assertThat(mvc.get().uri(location).with(as("admin")).cookie(session)).hasStatusOk().bodyText()
			.contains("Phạm Văn Đức", password, "Đoàn viên, thanh niên", "Tỉnh đoàn Thanh Hóa");
		assertThat(mvc.get().uri(location).with(as("admin")).cookie(session)).hasStatusOk().bodyText()
			.doesNotContain(password);
	}

	@Test
	void aTakenUsernameIsRefusedOnItsField() {
		long th = units.findByCode("TH").orElseThrow().id();
		long before = jdbc.sql("select count(*) from account").query(Long.class).single();
		assertThat(mvc.post().uri("/admin/accounts").with(as("admin")).with(csrf())
			.param("username", "DOAN.THODAN").param("displayName", "Trùng").param("kind", "UNIT")
			.param("unitId", String.valueOf(th)).param("role", "MEMBER").param("password", ""))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Tên đăng nhập “doan.thodan” đã được dùng.");
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void grantingARoleTwiceSaysSo() {
		long id = accountId("tran.thi.binh");
		long ts = units.findByCode("TS").orElseThrow().id();
		assertThat(mvc.post().uri("/admin/accounts/{id}/roles", id).with(as("admin")).with(csrf())
			.param("role", "REVIEWER").param("unitId", String.valueOf(ts)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Tài khoản đã có vai trò này tại đơn vị này.");
	}

	@Test
	void aMemberCannotReachAdministration() {
		assertThat(mvc.get().uri("/admin/accounts").with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/accounts/{id}", accountId("doan.thotan")).with(as("nguyen.van.an")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theAccountListIsPaginatedAndSearchable() {
		assertThat(mvc.get().uri("/admin/accounts?q=doan.tho").with(as("admin"))).hasStatusOk().bodyText()
			.contains("doan.thodan", "doan.thotan").doesNotContain("tran.thi.binh");
		assertThat(mvc.get().uri("/admin/accounts?page=-3&q=").with(as("admin"))).hasStatusOk();
	}

	@Test
	void theProfileShowsRolesAndRefusesAWrongCurrentPassword() {
		assertThat(mvc.get().uri("/profile").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Cán bộ Đoàn cơ sở · Đoàn xã Thọ Dân", "Mã truy cập API");
		assertThat(mvc.post().uri("/profile/password").with(as("doan.thodan")).with(csrf())
			.param("currentPassword", "not-it").param("newPassword", "mat-khau-moi-123").param("confirmPassword", "mat-khau-moi-123"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Mật khẩu hiện tại không đúng.");
		assertThat(mvc.post().uri("/profile/password").with(as("doan.thodan")).with(csrf())
			.param("currentPassword", DEMO_PASSWORD).param("newPassword", "ngan").param("confirmPassword", "ngan"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Độ dài phải từ 10 đến 128 ký tự.");
	}

	@Test
	void aNewTokenIsShownOnceAndListedByItsPrefix() {
		var created = mvc.post().uri("/profile/tokens").with(as("le.van.cuong")).with(csrf()).param("name", "Cổng quốc gia")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String token = (String) created.getMvcResult().getFlashMap().get("newToken");
		assertThat(token).startsWith("ib_");
		assertThat(mvc.get().uri("/profile").with(as("le.van.cuong"))).hasStatusOk().bodyText()
			.contains("Cổng quốc gia", token.substring(0, 9)).doesNotContain(token);
	}
}
