package vn.ideabank.contest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricService;

/** What the round tests set up: units, judges' accounts, accepted ideas, a contest in judging, a round. */
public final class RoundTestData {

	public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	public final ContestService contests;

	public final NominationService nominations;

	public final ContestRounds rounds;

	public final ContestJudging judging;

	public final RubricService rubrics;

	public final UnitService units;

	public final JdbcClient jdbc;

	private final IdeaService ideas;

	private final AccountService accounts;

	private final Function<String, Caller> callers;

	/** @param callers the test's way to make the caller of a seeded or created account */
	public RoundTestData(ApplicationContext context, Function<String, Caller> callers) {
		this.contests = context.getBean(ContestService.class);
		this.nominations = context.getBean(NominationService.class);
		this.rounds = context.getBean(ContestRounds.class);
		this.judging = context.getBean(ContestJudging.class);
		this.rubrics = context.getBean(RubricService.class);
		this.units = context.getBean(UnitService.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.ideas = context.getBean(IdeaService.class);
		this.accounts = context.getBean(AccountService.class);
		this.callers = callers;
	}

	public UnitView unit(long parentId, String code, String name, String levelName) {
		return units.create(callers.apply("admin"), new CreateUnit(parentId, code, name, levelName, UnitKind.OTHER, 10));
	}

	/** A person's account (member at the home unit), as a caller. */
	public Caller person(String username, String displayName, UnitView home) {
		accounts.createBySystem(username, displayName, AccountKind.PERSON, home.code(), Role.MEMBER, "x-password-123");
		return callers.apply(username);
	}

	/** An accepted idea of the unit, entered by the administrator, of this year. */
	public long acceptedIdea(long unitId, String title, String author) {
		IdeaContent content = new IdeaContent(TODAY.getYear(), IdeaKind.IDEA, title, "Tóm tắt " + title, "Vấn đề",
				"Giải pháp", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không",
				ApplicationArea.PRODUCTION, SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
		long id = ideas.create(callers.apply("admin"), new SaveIdea(unitId, content, List.of(new AuthorRef(null, author)))).id();
		jdbc.sql("update idea set status = 'ACCEPTED' where id = :id").param("id", id).update();
		return id;
	}

	/** An open contest at the unit, organised by the office. */
	public ContestView openContest(Caller office, long unitId, String name) {
		ContestView c = contests.create(office, new CreateContest(unitId, ContestKind.XET_CHON_KHCN, name, TODAY.getYear(),
				Set.of(), null, null, Set.of(), TODAY.minusDays(1), TODAY.plusDays(5), 5));
		return contests.advance(office, c.id(), c.version());
	}

	/** Ends the nominations of the contest: it is judging. */
	public ContestView judging(Caller office, long contestId) {
		return contests.advance(office, contestId, contests.get(office, contestId).version());
	}

	/** A draft round on the seeded rubric, scoring from {@code opens} for ten days, with the judges added. */
	public RoundView round(Caller office, long contestId, String name, boolean normalise, LocalDate opens, String... judges) {
		RoundView r = rounds.create(office, contestId, new SaveRound(name, rubrics.defaultRubric().versionId(), opens,
				opens.plusDays(10), normalise, BigDecimal.valueOf(20)));
		for (String j : judges) {
			rounds.addJudge(office, r.id(), j);
		}
		return r;
	}

	public RoundView open(Caller office, RoundView r) {
		return rounds.open(office, r.id(), rounds.round(office, r.id()).version());
	}
}
