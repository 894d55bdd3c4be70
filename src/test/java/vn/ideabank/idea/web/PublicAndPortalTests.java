package vn.ideabank.idea.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.Gender;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.MemberView;
import vn.ideabank.member.SaveMember;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;

/** Public pages show accepted, applied and recognised ideas only, without anything private; the portal export. */
class PublicAndPortalTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	MemberService members;

	private Caller office;

	private long thoDan;

	private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

	@BeforeEach
	void setUp() {
		office = caller("huyendoan.trieuson");
		thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
	}

	private IdeaView idea(String title, boolean optOut, IdeaStep... path) {
		return walk(ideas.create(office, new SaveIdea(thoDan, content(title, optOut), List.of(new AuthorRef(null, "Lê Thị Hoa")))),
				path);
	}

	private static IdeaContent content(String title, boolean optOut) {
		return new IdeaContent(LocalDate.now().getYear(), IdeaKind.MODEL, title, "Tóm tắt " + title,
				"Vấn đề của " + title, "Giải pháp của " + title, "Điểm mới của " + title, java.util.EnumSet.of(Benefit.EFFICIENCY),
				null, "Xã Thọ Dân", "Quanh năm", null, ApplicationArea.LIFE, SectorField.COMMUNITY, TargetGroup.RURAL_YOUTH,
				"https://www.youtube.com/watch?v=abc", optOut);
	}

	private IdeaView walk(IdeaView idea, IdeaStep... path) {
		for (IdeaStep s : path) {
			idea = ideas.step(office, idea.id(), new TakeStep(s, idea.version(), "Ghi chú", "Thôn 2, xã Thọ Dân",
					LocalDate.now().minusMonths(2), "Giảm 30% chi phí điện chiếu sáng"));
		}
		return idea;
	}

	private static final IdeaStep[] TO_ACCEPTED = { IdeaStep.SUBMIT, IdeaStep.ENDORSE, IdeaStep.START_REVIEW, IdeaStep.ACCEPT };

	private static final IdeaStep[] TO_REJECTED = { IdeaStep.SUBMIT, IdeaStep.ENDORSE, IdeaStep.START_REVIEW, IdeaStep.REJECT };

	@Test
	void acceptedAppliedAndRecognisedIdeasArePublicWithoutSigningIn() {
		IdeaView applied = idea("Đèn đường năng lượng mặt trời " + run, false, IdeaStep.SUBMIT, IdeaStep.ENDORSE,
				IdeaStep.START_REVIEW, IdeaStep.ACCEPT, IdeaStep.MARK_APPLIED);
		assertThat(mvc.get().uri("/public/ideas/{code}", applied.code())).hasStatusOk().bodyText()
			.contains(applied.title(), "Lê Thị Hoa", "Đã áp dụng", "Thôn 2, xã Thọ Dân", "Đoàn xã Thọ Dân")
			.doesNotContain("Ghi chú");
		assertThat(mvc.get().uri("/public/ideas").queryParam("q", run)).hasStatusOk().bodyText().contains(applied.title());
	}

	@Test
	void recognisingAnIdeaAsksFirstSayingItCannotGoBackAndNothingChangesUntilConfirmed() {
		IdeaView applied = idea("Sáng kiến chờ công nhận " + run, false, IdeaStep.SUBMIT, IdeaStep.ENDORSE,
				IdeaStep.START_REVIEW, IdeaStep.ACCEPT, IdeaStep.MARK_APPLIED);
		var ask = mvc.post().uri("/ideas/{id}/steps", applied.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("step", "RECOGNISE").param("version", String.valueOf(applied.version()));
		assertThat(ask).hasStatusOk().bodyText().contains("không quay lại được", applied.code(), "name=\"confirmed\"");
		assertThat(ideas.get(office, applied.id()).status()).isEqualTo(IdeaStatus.APPLIED);
		assertThat(mvc.post().uri("/ideas/{id}/steps", applied.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("step", "RECOGNISE").param("version", String.valueOf(applied.version())).param("confirmed", "true"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(ideas.get(office, applied.id()).status()).isEqualTo(IdeaStatus.RECOGNISED);
	}

	@Test
	void draftsSubmittedRejectedAndOptedOutIdeasNeverArePublic() {
		IdeaView draft = idea("Bản nháp kín " + run, false);
		IdeaView submitted = idea("Đã gửi kín " + run, false, IdeaStep.SUBMIT);
		IdeaView rejected = idea("Bị từ chối kín " + run, false, TO_REJECTED);
		IdeaView optedOut = idea("Tác giả không công khai " + run, true, TO_ACCEPTED);
		for (IdeaView hidden : List.of(draft, submitted, rejected, optedOut)) {
			assertThat(mvc.get().uri("/public/ideas/{code}", hidden.code())).hasStatus(HttpStatus.NOT_FOUND).bodyText()
				.doesNotContain(hidden.title());
		}
		assertThat(mvc.get().uri("/public/ideas").queryParam("q", run)).hasStatusOk().bodyText()
			.doesNotContain("kín " + run, "Tác giả không công khai");
	}

	@Test
	void publicPagesCarryNoContactDetailsOrBirthDates() throws Exception {
		// the author is on the roster with a phone, an e-mail and a birth date, and staff left an internal note
		String phone = "09" + String.format("%08d", System.nanoTime() % 100_000_000);
		MemberView author = members.create(office, new SaveMember(thoDan, "Phạm Thu Trang " + run, LocalDate.of(1999, 4, 17),
				Gender.FEMALE, TargetGroup.RURAL_YOUTH, phone, "trang." + run + "@example.vn", MemberStatus.UNION_MEMBER, null));
		IdeaView draft = ideas.create(office, new SaveIdea(thoDan, content("Không lộ thông tin cá nhân " + run, false),
				List.of(new AuthorRef(author.id(), null))));
		ideas.comment(office, draft.id(), new AddComment("Ghi chú nội bộ bí mật " + run, true));
		IdeaView accepted = walk(draft, TO_ACCEPTED);
		var response = mvc.get().uri("/public/ideas/{code}", accepted.code()).exchange();
		assertThat(response).hasStatusOk().bodyText().contains(author.fullName());
		assertThat(response.getResponse().getContentAsString()).doesNotContain(phone, "trang." + run, "17/04/1999", "1999-04-17",
				"Ngày sinh", "bí mật " + run, "Nội bộ");
	}

	@Test
	void thePortalExportIsCsvWithVietnameseLabelsAndJson() throws Exception {
		IdeaView accepted = idea("Xuất sang cổng quốc gia, “có ngoặc kép”, " + run, false, TO_ACCEPTED);
		var csv = mvc.get().uri("/api/v1/ideas/portal-export.csv").queryParam("ids", String.valueOf(accepted.id()))
			.with(as("huyendoan.trieuson")).exchange();
		assertThat(csv).hasStatusOk();
		String body = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFFcode,title,kind,sectorField");
		assertThat(body).contains("\"" + accepted.code() + "\"", "\"Mô hình\"", "\"Xã hội, cộng đồng\"", "\"Được chấp nhận\"",
				"\"Tăng hiệu quả\"", "/public/ideas/" + accepted.code());
		assertThat(mvc.get().uri("/api/v1/ideas/portal-export.json").queryParam("ids", String.valueOf(accepted.id()))
			.with(as("huyendoan.trieuson"))).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson().extractingPath("$[0].kind").isEqualTo("Mô hình");
	}

	@Test
	void onlyAcceptedIdeasOfOnesOwnUnitsAreExported() {
		IdeaView submitted = idea("Chưa được chấp nhận " + run, false, IdeaStep.SUBMIT);
		assertThat(mvc.get().uri("/api/v1/ideas/portal-export.csv").queryParam("ids", String.valueOf(submitted.id()))
			.with(as("huyendoan.trieuson"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson().extractingPath("$.detail").asString().contains(submitted.code());
		IdeaView accepted = idea("Của Thọ Dân " + run, false, TO_ACCEPTED);
		assertThat(mvc.get().uri("/api/v1/ideas/portal-export.json").queryParam("ids", String.valueOf(accepted.id()))
			.with(as("doan.thotan"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void theApiRunsTheLifecycleAndAnswersProblemsForRefusedSteps() {
		// an omitted yes/no field (here publicOptOut) reads as "no" instead of refusing the request
		String body = """
				{"unitId": %d, "authors": [{"fullName": "Trần Văn Bình"}],
				 "content": {"year": %d, "kind": "IDEA", "title": "Qua API %s", "summary": "Tóm tắt", "problem": "Vấn đề",
				             "solution": "Giải pháp", "novelty": "Điểm mới", "benefits": ["SAVING"], "scopeWhere": "Thọ Dân"}}
				""".formatted(thoDan, LocalDate.now().getYear(), run);
		var created = mvc.post().uri("/api/v1/ideas").with(as("doan.thodan")).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String location = created.getResponse().getHeader("Location");
		assertThat(mvc.post().uri(location + "/steps").with(as("doan.thodan")).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"ACCEPT\", \"version\": 0}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.detail")
			.isEqualTo("Không thể “Chấp nhận” khi ý tưởng đang ở trạng thái “Nháp”.");
		assertThat(mvc.post().uri(location + "/steps").with(as("doan.thodan")).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"SUBMIT\", \"version\": 0}"))
			.hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SUBMITTED");
		assertThat(mvc.get().uri(location).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theListPageExportsSelectedIdeasAndExplainsARefusal() throws Exception {
		IdeaView accepted = idea("Chọn từ danh sách " + run, false, TO_ACCEPTED);
		assertThat(mvc.get().uri("/ideas").queryParam("q", run).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("name=\"ids\"", "value=\"" + accepted.id() + "\"", "Xuất CSV cho Ngân hàng ý tưởng quốc gia");
		var csv = mvc.get().uri("/ideas/portal-export").queryParam("ids", String.valueOf(accepted.id()))
			.queryParam("format", "csv").with(as("huyendoan.trieuson")).exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(accepted.code());
		var none = mvc.get().uri("/ideas/portal-export").with(as("huyendoan.trieuson")).exchange();
		assertThat(none).hasStatus(HttpStatus.FOUND);
		assertThat(none.getMvcResult().getFlashMap().get("problemText")).isEqualTo("Hãy chọn ít nhất một ý tưởng đã được chấp nhận.");
	}
}
