package vn.ideabank.initiative.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewTestData;

/** The application form on a page: refused with the message on the form and nothing saved, then filed and shown. */
class InitiativePagesTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFormRefusesSharesNotSummingTo100ThenFilesAndTheOfficeTakesItIn() {
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, caller("nguyen.van.an"), caller("doan.thodan"), t1,
				ReviewTestData.unique("Máy gieo hạt "));
		// the idea's own page leads its author to the application, the idea named by its code
		assertThat(mvc.get().uri("/ideas/{id}", idea.id()).with(as("nguyen.van.an"))).hasStatusOk().bodyText()
			.contains("/initiatives/new?idea=" + idea.code(), "Nộp đơn công nhận sáng kiến");
		assertThat(mvc.get().uri("/initiatives/new?idea={code}", idea.code()).with(as("nguyen.van.an"))).hasStatusOk().bodyText()
			.contains("value=\"" + idea.code() + "\"");
		assertThat(mvc.get().uri("/initiatives/new").with(as("nguyen.van.an"))).hasStatusOk().bodyText()
			.contains("Đơn yêu cầu công nhận sáng kiến", "Tỷ lệ đóng góp (%)", "Nội dung mật");
		long before = jdbc.sql("select count(*) from initiative_application").query(Long.class).single();
		var form = mvc.post().uri("/initiatives").with(as("nguyen.van.an")).with(csrf()).param("ideaId", idea.code())
			.param("fieldOfUse", "Nông nghiệp").param("knownSolution", "Gieo tay").param("newContent", "Máy gieo kéo tay")
			.param("applicability", "Mọi xã").param("benefits", "Nhanh gấp 5 lần").param("confidential", "NEW_CONTENT")
			.param("authors[0].fullName", "Nguyễn Văn An").param("authors[0].contribution", "50")
			.param("authors[1].fullName", "Trần Văn Bốn").param("authors[1].contribution", "40");
		assertThat(form).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)");
		assertThat(jdbc.sql("select count(*) from initiative_application").query(Long.class).single()).isEqualTo(before);

		var filed = mvc.post().uri("/initiatives").with(as("nguyen.van.an")).with(csrf()).param("ideaId", idea.code())
			.param("fieldOfUse", "Nông nghiệp").param("knownSolution", "Gieo tay").param("newContent", "Máy gieo kéo tay")
			.param("applicability", "Mọi xã").param("benefits", "Nhanh gấp 5 lần").param("confidential", "NEW_CONTENT")
			.param("authors[0].fullName", "Nguyễn Văn An").param("authors[0].contribution", "60")
			.param("authors[1].fullName", "Trần Văn Bốn").param("authors[1].contribution", "40").exchange();
		assertThat(filed).hasStatus3xxRedirection();
		String location = filed.getResponse().getRedirectedUrl();
		assertThat(location).matches("/initiatives/\\d+");
		long version = jdbc.sql("select version from initiative_application where idea_id = :i").param("i", idea.id())
			.query(Long.class).single();
		assertThat(mvc.post().uri(location + "/register").with(as("huyendoan.trieuson")).with(csrf())
			.param("version", String.valueOf(version))).hasStatus3xxRedirection();
		assertThat(mvc.get().uri(location).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Đã tiếp nhận, đang xem xét", "Trần Văn Bốn", "Nội dung mật: chỉ tác giả").doesNotContain("Máy gieo kéo tay");
		assertThat(mvc.get().uri("/initiatives?status=ACCEPTED").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains(idea.code());
		assertThat(mvc.get().uri("/").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText();
	}
}
