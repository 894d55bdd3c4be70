package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.idea.IdeaTestData.save;
import static vn.ideabank.idea.IdeaTestData.step;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitService;

/**
 * The lifecycle as a table of (who × from-state × step) → allowed or refused. The allowed rows are
 * written out below as the specification; every other combination must be refused and change
 * nothing. Each attempt runs in a transaction that is rolled back, so one idea per state serves all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdeaLifecycleTests extends IntegrationTest {

	/** The specification: state → step → who may take it. Everything absent is refused. */
	private static final Map<IdeaStatus, Map<IdeaStep, Set<String>>> ALLOWED = new EnumMap<>(IdeaStatus.class);

	private static void allow(IdeaStatus from, IdeaStep step, String... who) {
		ALLOWED.computeIfAbsent(from, k -> new EnumMap<>(IdeaStep.class)).put(step, Set.of(who));
	}

	static {
		allow(IdeaStatus.DRAFT, IdeaStep.SUBMIT, "author", "officer of the unit", "district office");
		allow(IdeaStatus.SUBMITTED, IdeaStep.ENDORSE, "officer of the unit", "district office");
		allow(IdeaStatus.SUBMITTED, IdeaStep.REQUEST_REVISION, "officer of the unit", "district office");
		allow(IdeaStatus.SUBMITTED, IdeaStep.WITHDRAW, "author");
		allow(IdeaStatus.ENDORSED, IdeaStep.START_REVIEW, "district office");
		allow(IdeaStatus.ENDORSED, IdeaStep.WITHDRAW, "author");
		allow(IdeaStatus.UNDER_REVIEW, IdeaStep.ACCEPT, "district office");
		allow(IdeaStatus.UNDER_REVIEW, IdeaStep.REQUEST_REVISION, "district office");
		allow(IdeaStatus.UNDER_REVIEW, IdeaStep.REJECT, "district office");
		allow(IdeaStatus.NEEDS_REVISION, IdeaStep.SUBMIT, "author", "officer of the unit", "district office");
		allow(IdeaStatus.NEEDS_REVISION, IdeaStep.WITHDRAW, "author");
		allow(IdeaStatus.ACCEPTED, IdeaStep.MARK_APPLIED, "officer of the unit", "district office");
		allow(IdeaStatus.APPLIED, IdeaStep.RECOGNISE, "district office");
	}

	/** How each state is reached from a fresh draft, and by whom ("admin" or "author"). */
	private static final Map<IdeaStatus, List<Object[]>> PATH = new LinkedHashMap<>();

	static {
		PATH.put(IdeaStatus.DRAFT, List.of());
		PATH.put(IdeaStatus.SUBMITTED, List.<Object[]>of(new Object[] { "author", IdeaStep.SUBMIT }));
		PATH.put(IdeaStatus.ENDORSED, plus(IdeaStatus.SUBMITTED, "admin", IdeaStep.ENDORSE));
		PATH.put(IdeaStatus.UNDER_REVIEW, plus(IdeaStatus.ENDORSED, "admin", IdeaStep.START_REVIEW));
		PATH.put(IdeaStatus.NEEDS_REVISION, plus(IdeaStatus.UNDER_REVIEW, "admin", IdeaStep.REQUEST_REVISION));
		PATH.put(IdeaStatus.ACCEPTED, plus(IdeaStatus.UNDER_REVIEW, "admin", IdeaStep.ACCEPT));
		PATH.put(IdeaStatus.REJECTED, plus(IdeaStatus.UNDER_REVIEW, "admin", IdeaStep.REJECT));
		PATH.put(IdeaStatus.APPLIED, plus(IdeaStatus.ACCEPTED, "admin", IdeaStep.MARK_APPLIED));
		PATH.put(IdeaStatus.RECOGNISED, plus(IdeaStatus.APPLIED, "admin", IdeaStep.RECOGNISE));
		PATH.put(IdeaStatus.WITHDRAWN, plus(IdeaStatus.SUBMITTED, "author", IdeaStep.WITHDRAW));
	}

	private static List<Object[]> plus(IdeaStatus before, String who, IdeaStep step) {
		List<Object[]> path = new ArrayList<>(PATH.get(before));
		path.add(new Object[] { who, step });
		return path;
	}

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	PlatformTransactionManager transactions;

	private final Map<String, Caller> callers = new LinkedHashMap<>();

	private Caller admin;

	@BeforeAll
	void callers() {
		accounts.createBySystem("thanh.vien.khac", "Thành viên khác", AccountKind.PERSON, "TS-THODAN-T1", Role.MEMBER,
				"mat-khau-thu-123");
		callers.put("author", caller("nguyen.van.an"));
		callers.put("officer of the unit", caller("doan.thodan"));
		callers.put("officer of another unit", caller("doan.thotan"));
		callers.put("district office", caller("huyendoan.trieuson"));
		callers.put("reviewer of the district", caller("tran.thi.binh"));
		callers.put("another member of the unit", caller("thanh.vien.khac"));
		admin = caller("admin");
	}

	private IdeaView ideaIn(IdeaStatus status) {
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ideas.create(callers.get("author"), save(unit, "Tưới nhỏ giọt tự động — " + status));
		for (Object[] s : PATH.get(status)) {
			Caller who = s[0].equals("admin") ? admin : callers.get("author");
			idea = ideas.step(who, idea.id(), step((IdeaStep) s[1], idea.version()));
		}
		assertThat(idea.status()).isEqualTo(status);
		return idea;
	}

	@Test
	void everyCombinationOfCallerStateAndStepFollowsTheTable() {
		List<String> mismatches = new ArrayList<>();
		int allowedCount = 0;
		TransactionTemplate tx = new TransactionTemplate(transactions);
		for (IdeaStatus state : IdeaStatus.values()) {
			IdeaView idea = ideaIn(state);
			for (var who : callers.entrySet()) {
				for (IdeaStep s : IdeaStep.values()) {
					boolean expected = ALLOWED.getOrDefault(state, Map.of()).getOrDefault(s, Set.of()).contains(who.getKey());
					IdeaStatus[] after = new IdeaStatus[1];
					boolean allowed = Boolean.TRUE.equals(tx.execute(status -> {
						status.setRollbackOnly();
						try {
							after[0] = ideas.step(who.getValue(), idea.id(), step(s, idea.version())).status();
							return true;
						}
						catch (BusinessException refused) {
							return false;
						}
					}));
					if (allowed != expected) {
						mismatches.add(who.getKey() + " " + s + " from " + state + ": " + (allowed ? "allowed" : "refused"));
					}
					if (allowed) {
						allowedCount++;
						IdeaStatus target = IdeaLifecycle.find(s, state).orElseThrow().to();
						assertThat(after[0]).isEqualTo(target);
					}
				}
				assertThat(ideas.get(admin, idea.id()).status()).as("a refused or rolled-back step changes nothing")
					.isEqualTo(state);
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(allowedCount).isEqualTo(ALLOWED.values().stream().mapToInt(m -> m.values().stream().mapToInt(Set::size).sum()).sum());
	}
}
