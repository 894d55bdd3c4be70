package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.initiative.InitiativeCommands.CoAuthor;
import vn.ideabank.initiative.InitiativeCommands.FileApplication;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewCommands.Decide;
import vn.ideabank.review.ReviewCommands.Score;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.RubricService;

/** An initiative of the member nguyen.van.an at TS-THODAN-T1 and the steps around it, for the tests. */
public final class InitiativeTestWorld {

	private InitiativeTestWorld() {
	}

	public static IdeaView endorsedIdea(IdeaService ideas, Caller author, Caller endorser, long unitId, String title) {
		IdeaView idea = ReviewTestData.draft(ideas, author, unitId, title, SectorField.AGRICULTURE);
		idea = ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		return ideas.step(endorser, idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
	}

	public static FileApplication application(long ideaId, String secret, BigDecimal first, BigDecimal second) {
		return new FileApplication(ideaId, "Hợp tác xã Thọ Dân", "Nông nghiệp, tưới tiêu", LocalDate.now().minusMonths(2),
				"Tưới tay bằng vòi, tốn công và nước.", "Bộ điều khiển dùng cảm biến độ ẩm " + secret,
				"Áp dụng cho mọi hộ trồng rau có điện lưới.", "Tiết kiệm 40% nước, 2 giờ công mỗi ngày.",
				"Tổ hợp tác rau an toàn thôn 3", Set.of(Part.NEW_CONTENT),
				List.of(new CoAuthor("Nguyễn Văn An", LocalDate.of(1998, 4, 5), "Đoàn xã Thọ Dân", "Đoàn viên", "Kỹ sư", first),
						new CoAuthor("Lê Thị Hường", LocalDate.of(1999, 1, 2), "HTX Thọ Dân", "Kỹ thuật viên", "Trung cấp", second)));
	}

	/** A council of the district with binh (reviewer) and cuong, which scores and votes on the idea. */
	public static CouncilView council(ReviewService reviews, RubricService rubrics, Caller office, long unitId) {
		CouncilView council = reviews.createCouncil(office, new CreateCouncil(unitId, ReviewTestData.unique("Hội đồng sáng kiến "),
				Year.now().getValue(), rubrics.defaultRubric().versionId(), false, false, BigDecimal.valueOf(20), 2));
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addMember(office, council.id(), "le.van.cuong");
		return council;
	}

	public static void scoreAndVote(ReviewService reviews, ReviewScoring scoring, Caller office, Caller reviewer,
			long councilId, long ideaId, Decision decision) {
		var result = reviews.results(office, councilId).stream().filter(r -> r.item().ideaId() == ideaId).findFirst().orElseThrow();
		reviews.assign(office, councilId, result.item().id(), reviewer.accountId());
		var assignment = scoring.myAssignments(reviewer, 0, 1000).stream()
			.filter(a -> a.councilId() == councilId && a.item().ideaId() == ideaId).findFirst().orElseThrow();
		var sheet = scoring.scoreSheet(reviewer, assignment.id());
		scoring.score(reviewer, assignment.id(), new Score(Map.of("NOVELTY", 9, "BENEFIT", 8, "SCOPE", 7, "FEASIBILITY", 8),
				"Giải pháp thiết thực", sheet.score().version()));
		result = reviews.results(office, councilId).stream().filter(r -> r.item().ideaId() == ideaId).findFirst().orElseThrow();
		reviews.decide(office, councilId, result.item().id(), new Decide(decision, "Hội đồng thống nhất", result.item().version()));
	}

	/** An application, the council it went to, and its idea. */
	public record Voted(IdeaView idea, InitiativeViews.ApplicationView application, CouncilView council) {
	}

	/**
	 * An application of nguyen.van.an (two co-authors) for a new idea titled {@code title}, received by the district
	 * office on {@code receivedOn}, sent to a council of binh and cuong, scored by binh alone and voted on.
	 */
	public static Voted voted(org.springframework.context.ApplicationContext context,
			java.util.function.Function<String, Caller> callers, String title, LocalDate receivedOn, Decision decision) {
		var ideas = context.getBean(IdeaService.class);
		var units = context.getBean(vn.ideabank.org.UnitService.class);
		var applications = context.getBean(InitiativeService.class);
		var procedure = context.getBean(InitiativeProcedure.class);
		var reviews = context.getBean(ReviewService.class);
		Caller office = callers.apply("huyendoan.trieuson");
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		long ts = units.findByCode("TS").orElseThrow().id();
		IdeaView idea = endorsedIdea(ideas, callers.apply("nguyen.van.an"), callers.apply("doan.thodan"), t1, title);
		var a = applications.file(callers.apply("nguyen.van.an"), application(idea.id(), "x", new BigDecimal("60"),
				new BigDecimal("40")));
		a = procedure.register(office, a.id(), new InitiativeCommands.Register(receivedOn, null, a.version()));
		CouncilView council = council(reviews, context.getBean(RubricService.class), office, ts);
		a = procedure.sendToCouncil(office, a.id(), new InitiativeCommands.SendToCouncil(council.id(), a.version()));
		if (decision != null) {
			scoreAndVote(reviews, context.getBean(ReviewScoring.class), office, callers.apply("tran.thi.binh"), council.id(),
					idea.id(), decision);
		}
		return new Voted(idea, applications.get(office, a.id()), council);
	}
}
