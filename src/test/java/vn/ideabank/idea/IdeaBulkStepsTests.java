package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.ideabank.idea.IdeaTestData.save;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaBulkSteps.Outcome;
import vn.ideabank.idea.IdeaBulkSteps.Refusal;
import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.org.UnitService;

/** One step on many ideas through the facade: the same rules, history and events as one step, one event per batch. */
@RecordApplicationEvents
class IdeaBulkStepsTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaBulkSteps bulk;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	jakarta.persistence.EntityManagerFactory entityManagerFactory;

	@Autowired
	IdeaBulkStore store;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	/** A submitted idea of the unit, entered and sent by its officer. */
	private IdeaView submitted(String unitCode, String officer, String title) {
		Caller who = caller(officer);
		IdeaView idea = ideas.create(who, save(unit(unitCode), title));
		return ideas.step(who, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private String status(long id) {
		return jdbc.sql("select status from idea where id = :id").param("id", id).query(String.class).single();
	}

	private List<String> history(long id) {
		return jdbc.sql("select step || ' ' || from_status || '>' || to_status || ' ' || actor_name || ' ' || coalesce(comment, '')"
				+ " from idea_history where idea_id = :id and step not in ('CREATE', 'SUBMIT') order by id")
			.param("id", id).query(String.class).list();
	}

	@Test
	void everyIdeaIsCheckedAsOneStepWouldBeAndARefusalInTheMiddleUndoesNothingElse() {
		String tag = "Hàng loạt " + RUN;
		IdeaView first = submitted("TS-THODAN-T1", "doan.thodan", tag + " một");
		IdeaView draft = ideas.create(caller("doan.thodan"), save(unit("TS-THODAN-T1"), tag + " nháp"));
		IdeaView otherUnit = submitted("TS-THOTAN", "doan.thotan", tag + " xã khác");
		IdeaView last = submitted("TS-THODAN", "doan.thodan", tag + " cuối");
		long missing = Long.MAX_VALUE - 7;

		Outcome outcome = bulk.step(caller("doan.thodan"),
				Selection.of(List.of(first.id(), draft.id(), otherUnit.id(), missing, last.id(), first.id())), IdeaStep.ENDORSE,
				null);

		assertThat(outcome.done()).containsExactly(first.id(), last.id());
		assertThat(outcome.refused()).extracting(Refusal::id, Refusal::code, Refusal::ideaCode)
			.containsExactly(tuple(draft.id(), "illegal-step", draft.code()), tuple(otherUnit.id(), "forbidden", null),
					tuple(missing, "not-found", null));
		// the single step's message, with its arguments; nothing of an idea the caller may not read
		assertThat(outcome.refused().get(0).messageKey()).isEqualTo("idea.error.illegalStep");
		assertThat(outcome.refused().get(0).title()).isEqualTo(tag + " nháp");
		assertThat(outcome.refused().get(1).title()).isNull();
		assertThat(status(first.id())).isEqualTo("ENDORSED");
		assertThat(status(last.id())).isEqualTo("ENDORSED");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
		assertThat(status(otherUnit.id())).isEqualTo("SUBMITTED");
		// the same history row and event as one step
		assertThat(history(first.id())).containsExactly("ENDORSE SUBMITTED>ENDORSED Đoàn xã Thọ Dân ");
		assertThat(history(otherUnit.id())).isEmpty();
		assertThat(events.stream(IdeaStepsTaken.class).flatMap(b -> b.each().stream()).filter(e -> e.step() == IdeaStep.ENDORSE)
			.map(IdeaStatusChanged::ideaId)).containsExactlyInAnyOrder(first.id(), last.id());
		// announced once for the batch, not once per idea (one publication row, one listener call)
		assertThat(events.stream(IdeaStepsTaken.class).filter(e -> e.step() == IdeaStep.ENDORSE)).hasSize(1);
		assertThat(events.stream(IdeaStatusChanged.class).filter(e -> e.step() == IdeaStep.ENDORSE)).isEmpty();
	}

	@Test
	void aFilterSelectsEveryIdeaTheCallerSeesUnderItAndAReasonGoesIntoEachHistoryRow() {
		String tag = "Bộ lọc " + RUN;
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(submitted("TS-THODAN-T1", "doan.thodan", tag + " " + i).id());
		}
		long elsewhere = submitted("TS-THOTAN", "doan.thotan", tag + " xã khác").id();
		IdeaFilter filter = new IdeaFilter(null, null, IdeaStatus.SUBMITTED, null, null, null, tag, false);

		assertThat(bulk.preview(caller("doan.thodan"), Selection.matching(filter), IdeaStep.REQUEST_REVISION, "Bổ sung số liệu"))
			.isEqualTo(new IdeaBulkSteps.Preview(3, 3));
		Outcome outcome = bulk.step(caller("doan.thodan"), Selection.matching(filter), IdeaStep.REQUEST_REVISION,
				"  Bổ sung số liệu  ");

		assertThat(outcome.done()).containsExactlyElementsOf(ids);
		assertThat(outcome.refused()).isEmpty();
		assertThat(history(ids.get(1))).containsExactly("REQUEST_REVISION SUBMITTED>NEEDS_REVISION Đoàn xã Thọ Dân Bổ sung số liệu");
		assertThat(status(elsewhere)).as("another unit's idea is not even selected").isEqualTo("SUBMITTED");
	}

	@Test
	void whatNoIdeaCouldAcceptIsRefusedBeforeAnythingIsRead() {
		Caller officer = caller("doan.thodan");
		long id = submitted("TS-THODAN-T1", "doan.thodan", "Từ chối trước " + RUN).id();
		assertThatThrownBy(() -> bulk.step(officer, Selection.of(List.of(id)), IdeaStep.REJECT, " "))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> bulk.step(officer, Selection.of(List.of(id)), IdeaStep.MARK_APPLIED, null))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("idea.bulk.error.perIdeaStep"));
		List<Long> tooMany = LongStream.rangeClosed(1, IdeaBulkSteps.MAX_IDEAS + 1).boxed().toList();
		assertThatThrownBy(() -> bulk.step(officer, Selection.of(tooMany), IdeaStep.ENDORSE, null))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("idea.bulk.error.tooMany");
				assertThat(e.args()).containsExactly(IdeaBulkSteps.MAX_IDEAS, (long) IdeaBulkSteps.MAX_IDEAS + 1);
			});
		assertThatThrownBy(() -> bulk.step(officer, new Selection(List.of(id), IdeaFilter.none()), IdeaStep.ENDORSE, null))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.bulk.error.idsOrFilter"));
		assertThatThrownBy(() -> bulk.step(officer, Selection.of(List.of()), IdeaStep.ENDORSE, null))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("idea.bulk.error.none"));
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void aBatchIsWrittenInOneStatementWhetherItHoldsTenIdeasOrAHundred() {
		String tag = "Câu lệnh " + RUN;
		List<Long> ten = new ArrayList<>();
		List<Long> hundred = new ArrayList<>();
		for (int i = 0; i < 110; i++) {
			(i < 10 ? ten : hundred).add(ideas.create(caller("doan.thodan"), save(unit("TS-THODAN-T1"), tag + " " + i)).id());
		}
		// the tally's triggers run once per UPDATE statement on idea: what costs, so what is counted, by the server
		jdbc.sql("create sequence if not exists test_idea_writes").update();
		jdbc.sql("create or replace function test_count_idea_write() returns trigger language plpgsql as"
				+ " $$ begin perform nextval('test_idea_writes'); return null; end $$").update();
		jdbc.sql("create trigger test_count_idea_update after update on idea for each statement"
				+ " execute function test_count_idea_write()").update();
		jdbc.sql("create trigger test_count_history_insert after insert on idea_history for each statement"
				+ " execute function test_count_idea_write()").update();
		try {
			for (IdeaStep step : List.of(IdeaStep.SUBMIT, IdeaStep.ENDORSE)) {
				long forTen = writes(() -> assertThat(bulk.step(caller("doan.thodan"), Selection.of(ten), step, null).done())
					.hasSize(10));
				long forHundred = writes(() -> assertThat(bulk.step(caller("doan.thodan"), Selection.of(hundred), step, null)
					.done()).hasSize(100));
				// one batch, whatever its size: one UPDATE of its ideas and one INSERT of their history rows (one SQL
				// statement does both); idea by idea it would be 20 and 200
				assertThat(List.of(forTen, forHundred)).as("%s: statements writing ideas or history, for 10 and for 100 ideas", step)
					.containsExactly(2L, 2L);
			}
		}
		finally {
			// leave the schema as the migrations made it: a backup taken later copies every sequence it finds
			jdbc.sql("drop trigger if exists test_count_idea_update on idea").update();
			jdbc.sql("drop trigger if exists test_count_history_insert on idea_history").update();
			jdbc.sql("drop function if exists test_count_idea_write()").update();
			jdbc.sql("drop sequence if exists test_idea_writes").update();
		}
		assertThat(history(hundred.get(99))).containsExactly("ENDORSE SUBMITTED>ENDORSED Đoàn xã Thọ Dân ");
		assertThat(jdbc.sql("select count(*) from idea where id in (:ids) and status = 'ENDORSED' and submitted_at is not null")
			.param("ids", hundred).query(Long.class).single()).isEqualTo(100);
		assertThat(jdbc.sql("select count(*) from idea_history where idea_id in (:ids) and step = 'SUBMIT'")
			.param("ids", hundred).query(Long.class).single()).isEqualTo(100);
	}

	/** How many statements updated ideas or inserted history rows while the work ran, counted by the server. */
	private long writes(Runnable work) {
		long before = jdbc.sql("select nextval('test_idea_writes')").query(Long.class).single();
		work.run();
		return jdbc.sql("select nextval('test_idea_writes')").query(Long.class).single() - before - 1;
	}

	@Test
	void anIdeaChangedSinceItWasCheckedIsLeftAsItIsAndTheOthersOfItsBatchAreWritten() {
		String tag = "Đổi giữa chừng " + RUN;
		IdeaView kept = submitted("TS-THODAN-T1", "doan.thodan", tag + " một");
		IdeaView changed = submitted("TS-THODAN-T1", "doan.thodan", tag + " hai");
		// someone else edits the second idea after the bulk step read it at this version
		jdbc.sql("update idea set version = version + 1 where id = :id").param("id", changed.id()).update();
		var endorse = IdeaLifecycle.find(IdeaStep.ENDORSE, IdeaStatus.SUBMITTED).orElseThrow();

		List<Long> moved = transactions.execute(s -> store.move(caller("doan.thodan"),
				List.of(new IdeaBulkStore.Move(kept.id(), kept.version(), endorse),
						new IdeaBulkStore.Move(changed.id(), changed.version(), endorse)), null));

		assertThat(moved).containsExactly(kept.id());
		assertThat(status(kept.id())).isEqualTo("ENDORSED");
		assertThat(history(kept.id())).containsExactly("ENDORSE SUBMITTED>ENDORSED Đoàn xã Thọ Dân ");
		assertThat(status(changed.id())).isEqualTo("SUBMITTED");
		assertThat(history(changed.id())).isEmpty();
	}
}
