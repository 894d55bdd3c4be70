package vn.ideabank.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.text.Normalizer;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;


import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** The unit pages through MockMvc: scope, bad input and text hygiene as a person meets them. */
class UnitPagesTests extends IntegrationTest {

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private UnitView unit(String code) {
		return units.findByCode(code).orElseThrow();
	}

	private long unitCount() {
		return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
	}

	@Test
	void anOfficerIsRefusedAnotherUnitsPageWithoutLearningItsName() {
		var thoTan = unit("TS-THOTAN");
		assertThat(mvc.get().uri("/units/{id}", thoTan.id()).with(as("doan.thodan")))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyText().contains("Bạn không có quyền").doesNotContain("Thọ Tân");
		assertThat(mvc.get().uri("/units/{id}", unit("TS-THODAN").id()).with(as("doan.thodan")))
			.hasStatusOk().bodyText().contains("Đoàn xã Thọ Dân");
	}

	@Test
	void breadcrumbsLinkOnlyTheAncestorsTheCallerMayOpen() {
		var ts = unit("TS");
		var th = unit("TH");
		assertThat(mvc.get().uri("/units/{id}", unit("TS-THODAN").id()).with(as("huyendoan.trieuson"))).hasStatusOk()
			.bodyText().contains("Tỉnh đoàn Thanh Hóa", "href=\"/units/" + ts.id() + "\"")
			.doesNotContain("href=\"/units/" + th.id() + "\"");
	}

	@Test
	void languageLinksKeepThePageAndItsFilters() {
		assertThat(mvc.get().uri("/units").queryParam("q", "thọ").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("href=\"/units?q=th%E1%BB%8D&amp;lang=en\"", "Đoàn xã Thọ Dân");
	}

	@Test
	void theTreeShowsOnlyTheCallersSubtree() {
		assertThat(mvc.get().uri("/units").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Đoàn xã Thọ Dân", "Chi đoàn thôn 1")
			.doesNotContain("Đoàn xã Thọ Tân", "Huyện đoàn Triệu Sơn");
		assertThat(mvc.get().uri("/units").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Huyện đoàn Triệu Sơn", "Đoàn xã Thọ Dân", "Đoàn xã Thọ Tân", "Đoàn trường THPT Triệu Sơn 1");
	}

	@Test
	void aMemberCannotCreateUnits() {
		long before = unitCount();
		assertThat(mvc.post().uri("/units").with(as("nguyen.van.an")).with(csrf())
			.param("parentId", String.valueOf(unit("TS-THODAN-T1").id())).param("code", "X-MEMBER").param("name", "X")
			.param("levelName", "Chi đoàn").param("kind", "OTHER").param("memberCount", "1"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(unitCount()).isEqualTo(before);
	}

	@Test
	void aDuplicateCodeIsRefusedOnItsFieldAndNothingIsSaved() {
		long before = unitCount();
		assertThat(mvc.post().uri("/units").with(as("huyendoan.trieuson")).with(csrf())
			.param("parentId", String.valueOf(unit("TS").id())).param("code", "ts-thodan").param("name", "Trùng mã")
			.param("levelName", "Đoàn cơ sở").param("kind", "COMMUNE").param("memberCount", "10"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Mã đơn vị “TS-THODAN” đã được dùng.");
		assertThat(unitCount()).isEqualTo(before);
	}

	@Test
	void anOverlongNameAndANegativeCountGetFieldMessages() {
		long before = unitCount();
		assertThat(mvc.post().uri("/units").with(as("huyendoan.trieuson")).with(csrf())
			.param("parentId", String.valueOf(unit("TS").id())).param("code", "TS-LONG").param("name", "ơ".repeat(201))
			.param("levelName", "Đoàn cơ sở").param("kind", "COMMUNE").param("memberCount", "-1"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Tối đa 200 ký tự.", "Giá trị nhỏ nhất là 0.");
		assertThat(unitCount()).isEqualTo(before);
	}

	@Test
	void decomposedVietnameseIsStoredComposed() {
		String nfc = "Chi đoàn thôn Đồng Lạc";
		String typed = "  " + Normalizer.normalize(nfc, Normalizer.Form.NFD) + "\u200B ";
		assertThat(mvc.post().uri("/units").with(as("admin")).with(csrf())
			.param("parentId", String.valueOf(unit("TH").id())).param("code", "th-dl-nfd")
			.param("name", typed).param("levelName", "Chi đoàn").param("kind", "COMMUNE").param("memberCount", "12"))
			.hasStatus(HttpStatus.FOUND);
		UnitView saved = unit("TH-DL-NFD");
		assertThat(saved.name()).isEqualTo(nfc);
		assertThat(saved.path()).startsWith(unit("TH").path());
	}

	@Test
	void aFormPostedWithoutCsrfTokenIsRefusedAndChangesNothing() {
		long before = unitCount();
		// within a live session that has shown a form (so holds a token): refused with a message
		var form = mvc.get().uri("/units/new").with(as("huyendoan.trieuson")).exchange();
		assertThat(form).hasStatusOk().bodyText().contains("name=\"_csrf\"");
		Cookie session = form.getResponse().getCookie("IDEABANK_SESSION");
		assertThat(mvc.post().uri("/units").with(as("huyendoan.trieuson")).cookie(session)
			.param("parentId", String.valueOf(unit("TS").id())).param("code", "TS-NOCSRF").param("name", "Không token")
			.param("levelName", "Đoàn cơ sở").param("kind", "COMMUNE").param("memberCount", "1"))
			.hasStatus(HttpStatus.FORBIDDEN); // the rendered page is checked over real HTTP in SecurityTests
		// with no session at all (a forged cross-site post, or an expired session): back to sign-in
		assertThat(mvc.post().uri("/units").with(as("huyendoan.trieuson"))
			.param("parentId", String.valueOf(unit("TS").id())).param("code", "TS-NOCSRF").param("name", "Không token")
			.param("levelName", "Đoàn cơ sở").param("kind", "COMMUNE").param("memberCount", "1"))
			.hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login?expired");
		assertThat(unitCount()).isEqualTo(before);
	}

	@Test
	void aUnitCannotMoveUnderItsOwnChild() {
		var thoDan = unit("TS-THODAN");
		var child = unit("TS-THODAN-T2");
		assertThat(mvc.post().uri("/units/{id}/move", thoDan.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("parentId", String.valueOf(child.id())).param("version", String.valueOf(thoDan.version())))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Không thể chuyển đơn vị vào chính nó");
		assertThat(unit("TS-THODAN").path()).isEqualTo(thoDan.path());
		assertThat(mvc.get().uri("/units/{id}/move", thoDan.id()).with(as("huyendoan.trieuson"))).hasStatusOk()
			.bodyText().doesNotContain("value=\"" + child.id() + "\"").doesNotContain("value=\"" + thoDan.id() + "\"")
			.contains("value=\"" + unit("TS-THOTAN").id() + "\"");
	}

	@Test
	void aStaleEditSaysSomeoneElseChangedIt() {
		var unit = unit("TS-THPTTS3");
		assertThat(mvc.post().uri("/units/{id}/edit", unit.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("name", unit.name()).param("levelName", unit.levelName()).param("kind", unit.kind().name())
			.param("memberCount", "990").param("version", String.valueOf(unit.version() + 7)))
			.hasStatus(HttpStatus.CONFLICT).bodyText().contains("Dữ liệu vừa được người khác thay đổi");
	}

	@Test
	void signedOutVisitorsAreSentToTheVietnameseLoginPage() {
		assertThat(mvc.get().uri("/units")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Đăng nhập", "lang=\"vi\"");
		assertThat(mvc.get().uri("/login?lang=en")).hasStatusOk().bodyText().contains("Sign in");
	}
}
