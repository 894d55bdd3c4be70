package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCounts.By;
import vn.ideabank.idea.IdeaCounts.Count;
import vn.ideabank.idea.IdeaCounts.Criteria;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

class IdeaCountsTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	IdeaCounts counts;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private UnitView unit(Caller admin, Long parent, String code) {
		return units.create(admin, new CreateUnit(parent, code, "Đơn vị đếm " + code, "Chi đoàn", UnitKind.OTHER, 10));
	}

	private long idea(Caller admin, UnitView unit, String title, SectorField field, TargetGroup group, IdeaKind kind,
			IdeaStatus status, String submittedAt) {
		IdeaContent c = IdeaTestData.content(title);
		IdeaContent content = new IdeaContent(c.year(), kind, c.title(), c.summary(), c.problem(), c.solution(), c.novelty(),
				c.benefits(), c.benefitsOther(), c.scopeWhere(), c.scopeWhen(), c.scopeConditions(), c.applicationArea(),
				field, group, c.videoLinks(), c.publicOptOut());
		long id = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Lê Thị Đếm")))).id();
		// the status set directly: the counts follow whatever the table says, including bulk updates
		jdbc.sql("update idea set status = :s, submitted_at = cast(:at as timestamptz) where id = :id").param("s", status.name())
			.param("at", submittedAt).param("id", id).update();
		return id;
	}

	@Test
	void countsFollowInsertsUpdatesMovesAndDeletesAndAgreeWithTheIdeaTable() {
		Caller admin = caller("admin");
		int year = Year.now().getValue();
		UnitView root = unit(admin, units.findByCode("TS").orElseThrow().id(), "CNT" + RUN);
		UnitView a = unit(admin, root.id(), "CNT" + RUN + "-A");
		UnitView b = unit(admin, root.id(), "CNT" + RUN + "-B");
		UnitView a1 = unit(admin, a.id(), "CNT" + RUN + "-A1");
		String jan = year + "-01-15T10:00:00+07:00";
		String mar = year + "-03-31T23:30:00+07:00";
		String aprEarly = year + "-04-01T06:00:00+07:00"; // 31 March 23:00 UTC, but April in Vietnam
		idea(admin, a, "Một", SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, IdeaKind.IDEA, IdeaStatus.SUBMITTED, jan);
		idea(admin, a1, "Hai", SectorField.AGRICULTURE, TargetGroup.PUPIL, IdeaKind.MODEL, IdeaStatus.APPLIED, mar);
		long three = idea(admin, b, "Ba", SectorField.IT, null, IdeaKind.IDEA, IdeaStatus.RECOGNISED, aprEarly);
		idea(admin, b, "Bốn", null, TargetGroup.PUPIL, IdeaKind.IDEA, IdeaStatus.DRAFT, null);
		idea(admin, root, "Năm", SectorField.IT, TargetGroup.STUDENT, IdeaKind.INITIATIVE, IdeaStatus.WITHDRAWN, jan);

		Criteria proposed = Criteria.statuses(IdeaCounts.PROPOSED);
		assertThat(counts.total(admin, root.id(), year, proposed)).isEqualTo(3);
		assertThat(counts.total(admin, root.id(), year, Criteria.statuses(IdeaCounts.APPLIED))).isEqualTo(2);
		assertThat(counts.total(admin, root.id(), year, Criteria.statuses(Set.of()))).isEqualTo(5);
		assertThat(counts.total(admin, root.id(), year - 1, proposed)).isZero();
		assertThat(counts.byChild(admin, root.id(), year, proposed)).containsExactlyInAnyOrderEntriesOf(Map.of(a.id(), 2L, b.id(), 1L));
		assertThat(counts.byChild(admin, root.id(), year, Criteria.statuses(Set.of())))
			.containsExactlyInAnyOrderEntriesOf(Map.of(a.id(), 2L, b.id(), 2L, root.id(), 1L));
		assertThat(counts.count(admin, root.id(), year, By.MONTH, proposed))
			.containsExactly(new Count("01", 1), new Count("03", 1), new Count("04", 1));
		assertThat(counts.count(admin, root.id(), year, By.FIELD, Criteria.statuses(Set.of())))
			.containsExactly(new Count("", 1), new Count("AGRICULTURE", 2), new Count("IT", 2));
		assertThat(counts.count(admin, root.id(), year, By.STATUS, Criteria.statuses(Set.of()))).hasSize(5);
		// a custom rule over two dimensions is answered from the idea table, and agrees
		Criteria pupilsModels = new Criteria(IdeaCounts.PROPOSED, EnumSet.of(IdeaKind.MODEL), null, EnumSet.of(TargetGroup.PUPIL), null, null);
		assertThat(IdeaCounts.tallyDimension(By.NONE, pupilsModels)).isNull();
		assertThat(IdeaCounts.tallyDimension(By.CHILD_UNIT, proposed)).isEqualTo("S");
		assertThat(IdeaCounts.tallyDimension(By.MONTH, proposed.months(1, 3))).isEqualTo("M");
		assertThat(counts.total(admin, root.id(), year, pupilsModels)).isEqualTo(1);
		assertThat(counts.total(admin, root.id(), year, proposed.months(1, 3))).isEqualTo(2);
		assertThat(counts.count(admin, a.id(), year, By.KIND, proposed)).containsExactly(new Count("IDEA", 1), new Count("MODEL", 1));

		// the tally and the idea table agree on every grouping, for the subtree and one level down
		for (UnitView u : List.of(root, a, units.findByCode("TS").orElseThrow())) {
			for (By by : By.values()) {
				for (Criteria c : List.of(proposed, Criteria.statuses(Set.of()), Criteria.statuses(IdeaCounts.APPLIED).months(2, 4))) {
					assertThat(counts.count(u, year, by, c)).as(u.code() + " " + by + " " + c)
						.containsExactlyInAnyOrderElementsOf(counts.countFromIdeas(u, year, by, c));
				}
			}
		}

		// a move changes the paths of the copies; the counts follow
		units.move(admin, a1.id(), new MoveUnit(b.id(), units.find(a1.id()).orElseThrow().version()));
		assertThat(counts.byChild(admin, root.id(), year, proposed)).containsExactlyInAnyOrderEntriesOf(Map.of(a.id(), 1L, b.id(), 2L));
		jdbc.sql("delete from idea where id = :id").param("id", three).update();
		assertThat(counts.byChild(admin, root.id(), year, proposed)).containsExactlyInAnyOrderEntriesOf(Map.of(a.id(), 1L, b.id(), 1L));

		assertThat(counts.count(root, year, By.CHILD_UNIT, proposed))
			.containsExactlyInAnyOrderElementsOf(counts.countFromIdeas(root, year, By.CHILD_UNIT, proposed));
		// the documented rebuild gives the same answers
		List<Count> before = counts.count(admin, root.id(), year, By.MONTH, Criteria.statuses(Set.of()));
		jdbc.sql("select idea_tally_rebuild()").query().singleRow();
		assertThat(counts.count(admin, root.id(), year, By.MONTH, Criteria.statuses(Set.of()))).isEqualTo(before);
	}

	@Test
	void countsNeedARoleCoveringTheUnit() {
		long thoTan = units.findByCode("TS-THOTAN").orElseThrow().id();
		int year = Year.now().getValue();
		assertThatThrownBy(() -> counts.total(caller("doan.thodan"), thoTan, year, Criteria.statuses(Set.of())))
			.isInstanceOf(ForbiddenException.class);
		assertThat(counts.total(caller("doan.thotan"), thoTan, year, Criteria.statuses(Set.of()))).isNotNegative();
	}
}
