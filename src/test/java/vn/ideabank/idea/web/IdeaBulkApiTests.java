package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.RubricService;

/** {@code POST /api/v1/ideas/steps}: a step (or ASSIGN_COUNCIL) on many ideas, each done or refused with the single step's reason. */
class IdeaBulkApiTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewService reviews;

	@Autowired
	RubricService rubrics;

	private IdeaView idea(String unitCode, String author, String title, IdeaStep... steps) {
		Caller who = caller(author);
		long unit = units.findByCode(unitCode).orElseThrow().id();
		IdeaContent content = new IdeaContent(Year.now().getValue(), IdeaKind.IDEA, title, "Tóm tắt", "Vấn đề", "Giải pháp",
				"Điểm mới", java.util.Set.of(vn.ideabank.idea.Benefit.SAVING), null, "Thọ Dân", null, null, null, null,
				null, null, false);
		IdeaView idea = ideas.create(who, new SaveIdea(unit, content, List.of(new AuthorRef(null, "Lê Văn Hàng"))));
		for (IdeaStep step : steps) {
			Caller actor = step == IdeaStep.START_REVIEW ? caller("huyendoan.trieuson") : who;
			idea = ideas.step(actor, idea.id(), TakeStep.of(step, idea.version(), null));
		}
		return idea;
	}

	private MvcTestResult post(String user, String body, String language) {
		return mvc.post().uri("/api/v1/ideas/steps").with(as(user)).with(csrf()).header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private String status(long id) {
		return jdbc.sql("select status from idea where id = :id").param("id", id).query(String.class).single();
	}

	private long historyRows(long id, String step) {
		return jdbc.sql("select count(*) from idea_history where idea_id = :id and step = :s").param("id", id).param("s", step)
			.query(Long.class).single();
	}

	@Test
	void idsAreSteppedOrRefusedOneByOneAndAnotherUnitsIdeaStaysAsItWas() {
		IdeaView ok = idea("TS-THODAN-T1", "doan.thodan", "API hàng loạt " + RUN, IdeaStep.SUBMIT);
		IdeaView draft = idea("TS-THODAN-T1", "doan.thodan", "API nháp " + RUN);
		IdeaView otherUnit = idea("TS-THOTAN", "doan.thotan", "API xã khác " + RUN, IdeaStep.SUBMIT);
		IdeaView ok2 = idea("TS-THODAN", "doan.thodan", "API hàng loạt 2 " + RUN, IdeaStep.SUBMIT);
		long otherVersion = jdbc.sql("select version from idea where id = :id").param("id", otherUnit.id()).query(Long.class).single();

		var result = assertThat(post("doan.thodan", """
				{"step": "ENDORSE", "ids": [%d, %d, %d, %d]}""".formatted(ok.id(), draft.id(), otherUnit.id(), ok2.id()), "vi"))
			.hasStatusOk().bodyJson();
		result.extractingPath("$.done").asArray().containsExactly((int) ok.id(), (int) ok2.id());
		result.extractingPath("$.refused[0].id").isEqualTo((int) draft.id());
		result.extractingPath("$.refused[0].code").isEqualTo("illegal-step");
		result.extractingPath("$.refused[0].reason").isEqualTo("Không thể “Đơn vị xác nhận” khi ý tưởng đang ở trạng thái “Nháp”.");
		result.extractingPath("$.refused[0].ideaCode").isEqualTo(draft.code());
		result.extractingPath("$.refused[1].code").isEqualTo("forbidden");
		result.extractingPath("$.refused[1].ideaCode").isNull();
		result.extractingPath("$.refused[1].title").isNull();

		assertThat(status(ok.id())).isEqualTo("ENDORSED");
		assertThat(status(ok2.id())).isEqualTo("ENDORSED");
		assertThat(historyRows(ok.id(), "ENDORSE")).isOne();
		// outside the caller's scope: listed, and nothing about it changed
		assertThat(status(otherUnit.id())).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("select version from idea where id = :id").param("id", otherUnit.id()).query(Long.class).single())
			.isEqualTo(otherVersion);
		assertThat(historyRows(otherUnit.id(), "ENDORSE")).isZero();
	}

	@Test
	void theListsFilterSelectsTheIdeasAndReasonsComeInTheCallersLanguage() {
		String tag = "API lọc " + RUN;
		IdeaView a = idea("TS-THODAN-T1", "doan.thodan", tag + " a", IdeaStep.SUBMIT);
		IdeaView b = idea("TS-THODAN-T1", "doan.thodan", tag + " b", IdeaStep.SUBMIT, IdeaStep.ENDORSE);
		var result = assertThat(post("doan.thodan", """
				{"step": "ENDORSE", "filter": {"q": "%s", "unitId": %d}}""".formatted(tag,
				units.findByCode("TS-THODAN").orElseThrow().id()), "en")).hasStatusOk().bodyJson();
		result.extractingPath("$.done").asArray().containsExactly((int) a.id());
		result.extractingPath("$.refused[0].id").isEqualTo((int) b.id());
		result.extractingPath("$.refused[0].reason").isEqualTo("Cannot \"Endorse for the unit\" while the idea is \"Endorsed by the unit\".");
	}

	@Test
	void moreThanFiveThousandIdeasOrAStepThatNeedsEachIdeasDataAreRefusedWithAClearProblem() {
		String ids = LongStream.rangeClosed(1, 5001).mapToObj(Long::toString).collect(Collectors.joining(","));
		assertThat(post("doan.thodan", "{\"step\": \"ENDORSE\", \"ids\": [" + ids + "]}", "vi"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.detail")
			.isEqualTo("Mỗi lần xử lý tối đa 5.000 ý tưởng, yêu cầu này chọn 5.001 ý tưởng. Hãy chia nhỏ hoặc lọc hẹp hơn.");
		assertThat(post("doan.thodan", "{\"step\": \"ENDORSE\", \"ids\": [" + ids + "]}", "en"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.ids")
			.isEqualTo("At most 5,000 ideas per request; this request selects 5,001. Split it or narrow the filter.");
		assertThat(post("huyendoan.trieuson", "{\"step\": \"MARK_APPLIED\", \"ids\": [1]}", "vi"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.step").asString()
			.startsWith("“Ghi nhận đã áp dụng” cần thông tin riêng của từng ý tưởng");
		assertThat(post("huyendoan.trieuson", "{\"step\": \"REJECT\", \"ids\": [1]}", "vi"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.reason")
			.isEqualTo("Cần ghi lý do hoặc nhận xét.");
		assertThat(post("doan.thodan", "{\"step\": \"ENDORSE\"}", "vi")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(post("doan.thodan", "{\"step\": \"FLY\", \"ids\": [1]}", "vi")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void ideasUnderReviewGoIntoACouncilAndOthersAreRefusedWithTheCouncilsReason() {
		long district = units.findByCode("TS").orElseThrow().id();
		long council = reviews.createCouncil(caller("huyendoan.trieuson"), new CreateCouncil(district, "Hội đồng API " + RUN,
				Year.now().getValue(), rubrics.defaultRubric().versionId(), true, false, BigDecimal.valueOf(20), 2)).id();
		IdeaView one = idea("TS-THODAN-T1", "doan.thodan", "Hội đồng 1 " + RUN, IdeaStep.SUBMIT, IdeaStep.ENDORSE,
				IdeaStep.START_REVIEW);
		IdeaView two = idea("TS-THODAN-T1", "doan.thodan", "Hội đồng 2 " + RUN, IdeaStep.SUBMIT, IdeaStep.ENDORSE,
				IdeaStep.START_REVIEW);
		IdeaView notYet = idea("TS-THODAN-T1", "doan.thodan", "Hội đồng 3 " + RUN, IdeaStep.SUBMIT);

		var result = assertThat(post("huyendoan.trieuson", """
				{"action": "ASSIGN_COUNCIL", "councilId": %d, "ids": [%d, %d, %d]}""".formatted(council, one.id(), notYet.id(),
				two.id()), "vi")).hasStatusOk().bodyJson();
		result.extractingPath("$.done").asArray().containsExactly((int) one.id(), (int) two.id());
		result.extractingPath("$.refused[0].id").isEqualTo((int) notYet.id());
		result.extractingPath("$.refused[0].code").isEqualTo("not-under-review");
		assertThat(jdbc.sql("select idea_id from review_item where council_id = :c order by idea_id").param("c", council)
			.query(Long.class).list()).containsExactly(one.id(), two.id());
		// a unit officer runs no council
		assertThat(post("doan.thodan", """
				{"action": "ASSIGN_COUNCIL", "councilId": %d, "ids": [%d]}""".formatted(council, one.id()), "vi"))
			.hasStatusOk().bodyJson().extractingPath("$.done").asArray().isEmpty();
	}
}
