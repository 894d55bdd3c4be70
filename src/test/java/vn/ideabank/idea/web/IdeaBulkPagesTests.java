package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * Bulk steps from the idea list without JavaScript (select, confirm, apply), and paper intake's
 * "Lưu và gửi, nhập tiếp", through MockMvc.
 */
class IdeaBulkPagesTests extends IntegrationTest {

	private static final int YEAR = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long t1() {
		return units.findByCode("TS-THODAN-T1").orElseThrow().id();
	}

	private IdeaView idea(String title, boolean submit) {
		Caller officer = caller("doan.thodan");
		IdeaContent content = new IdeaContent(YEAR, IdeaKind.IDEA, title, "Tóm tắt", "Vấn đề", "Giải pháp", "Điểm mới",
				java.util.Set.of(Benefit.SAVING), null, "Thọ Dân", null, null, null, null, null, null, false);
		IdeaView idea = ideas.create(officer, new SaveIdea(t1(), content, List.of(new AuthorRef(null, "Phạm Thị Lan"))));
		return submit ? ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null)) : idea;
	}

	private String status(long id) {
		return jdbc.sql("select status from idea where id = :id").param("id", id).query(String.class).single();
	}

	private MvcTestResult post(String uri, String user, MultiValueMap<String, String> form) {
		return mvc.post().uri(uri).with(as(user)).with(csrf()).params(form).exchange();
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

	private static MultiValueMap<String, String> form(String choice, Long... ids) {
		MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
		f.add("choice", choice);
		for (Long id : ids) {
			f.add("ids", String.valueOf(id));
		}
		return f;
	}

	@Test
	void anOfficerSelectsConfirmsAndAppliesAndSeesEachRefusalWithItsReason() {
		String tag = "Trang hàng loạt " + RUN;
		IdeaView a = idea(tag + " a", true);
		IdeaView b = idea(tag + " b", true);
		IdeaView draft = idea(tag + " nháp", false);

		// the list: a box per row, the page's ids, the filter as hidden fields, and only steps that make sense here
		Document list = page(mvc.get().uri("/ideas").queryParam("q", tag).queryParam("status", "SUBMITTED")
			.with(as("doan.thodan")).exchange(), HttpStatus.OK);
		assertThat(list.select("input.bulk-row[form=bulk]").eachAttr("value"))
			.containsExactlyInAnyOrder(String.valueOf(a.id()), String.valueOf(b.id()));
		assertThat(list.select("input[name=pageIds][form=bulk]")).hasSize(2);
		assertThat(list.select("input[type=hidden][name=q][form=bulk]").val()).isEqualTo(tag);
		assertThat(list.select("#bulk-choice option").eachAttr("value")).containsExactly("", "ENDORSE", "REQUEST_REVISION");
		assertThat(list.select("form#bulk input[name=_csrf]")).hasSize(1);
		Document office = page(mvc.get().uri("/ideas").queryParam("q", tag).with(as("huyendoan.trieuson")).exchange(),
				HttpStatus.OK);
		assertThat(office.select("#bulk-choice option").eachAttr("value")).contains("ENDORSE", "START_REVIEW", "ACCEPT", "REJECT")
			.doesNotContain("MARK_APPLIED", "WITHDRAW");

		// the confirmation says how many will change; nothing has yet
		Document confirm = page(post("/ideas/bulk", "doan.thodan", form("ENDORSE", a.id(), draft.id(), b.id())), HttpStatus.OK);
		assertThat(confirm.select(".confirm-sentence").text())
			.isEqualTo("Xác nhận: 2 ý tưởng sẽ được chuyển sang “Đơn vị đã xác nhận”.");
		assertThat(confirm.select("main").text()).contains("1 trong 3 ý tưởng đã chọn sẽ không thay đổi");
		assertThat(confirm.select("#bulk-confirm input[type=hidden][name=ids]").eachAttr("value"))
			.containsExactly(String.valueOf(a.id()), String.valueOf(draft.id()), String.valueOf(b.id()));
		assertThat(confirm.select("#bulk-apply").attr("formaction")).isEqualTo("/ideas/bulk/apply");
		assertThat(status(a.id())).isEqualTo("SUBMITTED");

		// applying lists what was done and each refusal with code, title and reason
		Document result = page(post("/ideas/bulk/apply", "doan.thodan", form("ENDORSE", a.id(), draft.id(), b.id())),
				HttpStatus.OK);
		assertThat(result.select("#bulk-done").text()).isEqualTo("Đã thực hiện “Đơn vị xác nhận → Đơn vị đã xác nhận” cho 2 ý tưởng.");
		assertThat(result.select("#bulk-refused tbody tr")).hasSize(1);
		assertThat(result.select("#bulk-refused tbody tr td").eachText()).containsExactly(draft.code(), tag + " nháp",
				"Không thể “Đơn vị xác nhận” khi ý tưởng đang ở trạng thái “Nháp”. (illegal-step)");
		assertThat(status(a.id())).isEqualTo("ENDORSED");
		assertThat(status(b.id())).isEqualTo("ENDORSED");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
	}

	@Test
	void allMatchingTheFilterAndAllOnThePageSelectMoreThanTheTickedBoxes() {
		String tag = "Tất cả khớp " + RUN;
		IdeaView a = idea(tag + " a", true);
		IdeaView b = idea(tag + " b", true);
		IdeaView c = idea(tag + " c", true);
		MultiValueMap<String, String> all = form("ENDORSE");
		all.add("allMatching", "true");
		all.add("q", tag);
		all.add("status", "SUBMITTED");
		Document confirm = page(post("/ideas/bulk", "doan.thodan", all), HttpStatus.OK);
		assertThat(confirm.select(".confirm-sentence").text()).isEqualTo("Xác nhận: 3 ý tưởng sẽ được chuyển sang “Đơn vị đã xác nhận”.");
		assertThat(confirm.select("#bulk-confirm input[type=hidden][name=allMatching]").val()).isEqualTo("true");
		assertThat(confirm.select("#bulk-confirm input[type=hidden][name=q]").val()).isEqualTo(tag);
		page(post("/ideas/bulk/apply", "doan.thodan", all), HttpStatus.OK);
		assertThat(List.of(status(a.id()), status(b.id()), status(c.id()))).containsOnly("ENDORSED");

		String other = "Cả trang " + RUN;
		IdeaView d = idea(other + " d", true);
		IdeaView e = idea(other + " e", true);
		MultiValueMap<String, String> page = form("REQUEST_REVISION");
		page.add("allOnPage", "true");
		page.add("pageIds", String.valueOf(d.id()));
		page.add("pageIds", String.valueOf(e.id()));
		page.add("reason", "Bổ sung ảnh minh hoạ");
		Document result = page(post("/ideas/bulk/apply", "doan.thodan", page), HttpStatus.OK);
		assertThat(result.select("#bulk-done").text()).contains("cho 2 ý tưởng");
		assertThat(status(d.id())).isEqualTo("NEEDS_REVISION");
		assertThat(jdbc.sql("select comment from idea_history where idea_id = :id and step = 'REQUEST_REVISION'")
			.param("id", e.id()).query(String.class).single()).isEqualTo("Bổ sung ảnh minh hoạ");
	}

	@Test
	void noSelectionOrAMissingReasonComesBackOnTheConfirmationAndNothingChanges() {
		IdeaView a = idea("Thiếu lý do " + RUN, true);
		Document none = page(post("/ideas/bulk", "doan.thodan", form("ENDORSE")), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(none.select("#bulk-confirm .notice.bad").text()).isEqualTo("Chưa chọn ý tưởng nào.");
		assertThat(none.select("#bulk-apply")).isEmpty();

		MultiValueMap<String, String> noReason = form("REQUEST_REVISION", a.id());
		Document refused = page(post("/ideas/bulk", "doan.thodan", noReason), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.select("#reason-error").text()).isEqualTo("Cần ghi lý do hoặc nhận xét.");
		assertThat(refused.select("#bulk-choice option[selected]").val()).isEqualTo("REQUEST_REVISION");
		assertThat(refused.select("#bulk-apply")).isEmpty();
		page(post("/ideas/bulk/apply", "doan.thodan", noReason), HttpStatus.UNPROCESSABLE_CONTENT);

		Document noChoice = page(post("/ideas/bulk", "doan.thodan", form("", a.id())), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(noChoice.select("#choice-error").text()).isEqualTo("Hãy chọn một thao tác.");
		assertThat(status(a.id())).isEqualTo("SUBMITTED");
	}

	// --- paper intake ------------------------------------------------------------------------------

	private MultiValueMap<String, String> paperIdea(String title, String action) {
		MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
		f.add("unitId", String.valueOf(t1()));
		f.add("year", String.valueOf(YEAR));
		f.add("kind", "IDEA");
		f.add("title", title);
		f.add("summary", "Thùng rác phân loại bằng gỗ tái chế");
		f.add("problem", "Rác thải sinh hoạt chưa được phân loại");
		f.add("solution", "Ba ngăn có màu, đặt ở nhà văn hoá thôn");
		f.add("novelty", "Làm từ pallet gỗ bỏ đi");
		f.add("benefits", "ENVIRONMENT_FRIENDLY");
		f.add("scopeWhere", "Các thôn của xã Thọ Dân");
		f.add("authors", "Lê Thị Giấy");
		f.add("_endorse", "on");
		f.add("action", action);
		return f;
	}

	@Test
	void saveAndSubmitFromFastEntryEndorsesForTheUnitAndOpensTheNextForm() {
		Document blank = page(mvc.get().uri("/ideas/new").with(as("doan.thodan")).exchange(), HttpStatus.OK);
		assertThat(blank.select("button[value=SUBMIT_NEXT]").text()).isEqualTo("Lưu và gửi, nhập tiếp");
		assertThat(blank.select("input[name=endorse][checked]")).hasSize(1);
		assertThat(page(mvc.get().uri("/ideas/new").with(as("nguyen.van.an")).exchange(), HttpStatus.OK)
			.select("button[value=SUBMIT_NEXT], input[name=endorse]")).isEmpty();

		String title = "Giấy gửi và xác nhận " + RUN;
		MultiValueMap<String, String> f = paperIdea(title, "SUBMIT_NEXT");
		f.add("endorse", "true");
		var saved = post("/ideas", "doan.thodan", f);
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/ideas/new?unitId=" + t1()).endsWith("&endorse=true");
		assertThat(saved.getMvcResult().getFlashMap().get("ideaNoticeKey")).isEqualTo("ideas.notice.sent.ENDORSED");
		long id = jdbc.sql("select id from idea where title = :t").param("t", title).query(Long.class).single();
		assertThat(status(id)).isEqualTo("ENDORSED");
		assertThat(jdbc.sql("select step from idea_history where idea_id = :id order by id").param("id", id).query(String.class)
			.list()).containsExactly("CREATE", "SUBMIT", "ENDORSE");
		Document next = page(mvc.get().uri(saved.getResponse().getRedirectedUrl()).with(as("doan.thodan")).exchange(),
				HttpStatus.OK);
		assertThat(next.select("input[name=endorse][checked]")).hasSize(1);

		String plain = "Giấy chỉ gửi " + RUN;
		var sent = post("/ideas", "doan.thodan", paperIdea(plain, "SUBMIT_NEXT"));
		assertThat(sent.getResponse().getRedirectedUrl()).endsWith("&endorse=false");
		assertThat(status(jdbc.sql("select id from idea where title = :t").param("t", plain).query(Long.class).single()))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void bothFastEntryButtonsKeepWhatWasTypedWhenTheFormIsRefusedAndSaveNothing() {
		long before = jdbc.sql("select count(*) from idea").query(Long.class).single();
		String title = "Giấy thiếu tóm tắt " + RUN;
		MultiValueMap<String, String> incomplete = paperIdea(title, "SUBMIT_NEXT");
		incomplete.set("summary", "");
		incomplete.add("endorse", "true");
		Document refused = page(post("/ideas", "doan.thodan", incomplete), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.select("#summary-error").text()).isEqualTo("Cần điền “Tóm tắt” trước khi gửi.");
		assertThat(refused.select("#title").val()).isEqualTo(title);
		assertThat(refused.select("#problem").text()).isEqualTo("Rác thải sinh hoạt chưa được phân loại");
		assertThat(refused.select("input[name=endorse][checked]")).hasSize(1);
		assertThat(refused.select("form.idea-form").attr("action")).isEqualTo("/ideas");

		MultiValueMap<String, String> untitled = paperIdea("", "NEXT");
		Document again = page(post("/ideas", "doan.thodan", untitled), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(again.select("#title-error").text()).isEqualTo("Không được để trống.");
		assertThat(again.select("#solution").text()).isEqualTo("Ba ngăn có màu, đặt ở nhà văn hoá thôn");
		assertThat(jdbc.sql("select count(*) from idea").query(Long.class).single()).isEqualTo(before);
	}
}
