package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/** "Đánh dấu trùng" on the pages (a form of one field, the badge, the list filter) and through the API. */
class IdeaDuplicatePagesTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private IdeaView submitted(String title) {
		Caller officer = caller("doan.thodan");
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		var content = new vn.ideabank.idea.IdeaCommands.IdeaContent(java.time.Year.now().getValue(), vn.ideabank.idea.IdeaKind.IDEA,
				title, "Tóm tắt", "Vấn đề", "Giải pháp", "Điểm mới", java.util.Set.of(vn.ideabank.idea.Benefit.SAVING), null,
				"Thọ Dân", null, null, null, null, null, null, false);
		IdeaView idea = ideas.create(officer, new vn.ideabank.idea.IdeaCommands.SaveIdea(unit, content,
				java.util.List.of(new vn.ideabank.idea.IdeaCommands.AuthorRef(null, "Vũ Thị Trùng"))));
		return ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private long version(long id) {
		return jdbc.sql("select version from idea where id = :id").param("id", id).query(Long.class).single();
	}

	private static Document page(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status);
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void anOfficerMarksFromTheIdeaPageSeesTheBadgeEverywhereAndTakesTheMarkBack() {
		IdeaView original = submitted("Trang gốc " + RUN);
		IdeaView copy = submitted("Trang bản lặp " + RUN);

		Document before = page(mvc.get().uri("/ideas/{id}", copy.id()).with(as("doan.thodan")).exchange(), HttpStatus.OK);
		assertThat(before.select("a[href=/ideas/" + copy.id() + "/duplicate]").text()).isEqualTo("Đánh dấu trùng…");
		assertThat(page(mvc.get().uri("/ideas/{id}", copy.id()).with(as("tran.thi.binh")).exchange(), HttpStatus.OK)
			.select("a[href=/ideas/" + copy.id() + "/duplicate]")).as("not for a reviewer").isEmpty();
		assertThat(mvc.get().uri("/ideas/{id}/duplicate", copy.id()).with(as("tran.thi.binh"))).hasStatus(HttpStatus.FORBIDDEN);

		// a refusal comes back on the field with what was typed
		Document refused = page(mvc.post().uri("/ideas/{id}/duplicate", copy.id()).with(as("doan.thodan")).with(csrf())
			.param("original", copy.code()).param("version", String.valueOf(version(copy.id()))).exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.select("#original-error").text()).isEqualTo("Không thể đánh dấu một ý tưởng trùng với chính nó.");
		assertThat(refused.select("#original").val()).isEqualTo(copy.code());

		var marked = mvc.post().uri("/ideas/{id}/duplicate", copy.id()).with(as("doan.thodan")).with(csrf())
			.param("original", original.code()).param("version", String.valueOf(version(copy.id()))).exchange();
		assertThat(marked).hasStatus(HttpStatus.FOUND);
		assertThat(marked.getResponse().getRedirectedUrl()).isEqualTo("/ideas/" + copy.id());
		Document after = page(mvc.get().uri("/ideas/{id}", copy.id()).with(as("doan.thodan")).exchange(), HttpStatus.OK);
		assertThat(after.select(".idea-code .badge.duplicate").text()).isEqualTo("Trùng với " + original.code());
		assertThat(after.select("#duplicate-mark a").attr("href")).isEqualTo("/ideas/" + original.id());
		assertThat(after.select("#duplicate-mark button").text()).isEqualTo("Bỏ đánh dấu trùng");
		assertThat(after.select("section.steps")).as("no lifecycle step while marked").isEmpty();
		assertThat(after.select(".history, main").text()).contains("Đánh dấu trùng");

		Document list = page(mvc.get().uri("/ideas").queryParam("q", RUN).with(as("doan.thodan")).exchange(), HttpStatus.OK);
		assertThat(list.select("td .badge.duplicate").eachText()).containsExactly("Trùng với " + original.code());
		Document hidden = page(mvc.get().uri("/ideas").queryParam("q", RUN).queryParam("dup", "HIDE").with(as("doan.thodan"))
			.exchange(), HttpStatus.OK);
		assertThat(hidden.select("td a[href=/ideas/" + copy.id() + "]")).isEmpty();
		assertThat(hidden.select("td a[href=/ideas/" + original.id() + "]")).hasSize(1);

		var unmarked = mvc.post().uri("/ideas/{id}/duplicate/remove", copy.id()).with(as("doan.thodan")).with(csrf())
			.param("version", String.valueOf(version(copy.id()))).exchange();
		assertThat(unmarked).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select duplicate_of from idea where id = :id").param("id", copy.id()).query(Long.class).optional())
			.isEmpty();
	}

	@Test
	void theApiMarksAndUnmarksAndNamesTheFieldOfARefusal() {
		IdeaView original = submitted("API gốc " + RUN);
		IdeaView copy = submitted("API bản lặp " + RUN);
		assertThat(mvc.post().uri("/api/v1/ideas/{id}/duplicate", original.id()).with(as("doan.thodan")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"original\": \"%s\", \"version\": %d}".formatted(copy.code(), version(original.id()))))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.original")
			.isEqualTo("Ý tưởng gốc phải được nhập trước: " + copy.code() + " được nhập sau " + original.code() + ".");
		assertThat(mvc.post().uri("/api/v1/ideas/{id}/duplicate", copy.id()).with(as("doan.thodan")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"original\": \"%s\", \"version\": %d}".formatted(original.code(), version(copy.id()))))
			.hasStatusOk().bodyJson().extractingPath("$.duplicateOf").isEqualTo(original.code());
		assertThat(mvc.delete().uri("/api/v1/ideas/{id}/duplicate", copy.id()).queryParam("version",
				String.valueOf(version(copy.id()))).with(as("doan.thodan")).with(csrf()))
			.hasStatusOk().bodyJson().extractingPath("$.duplicateOf").isNull();
	}
}
