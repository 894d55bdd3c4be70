package vn.ideabank.report;

import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** Units of their own under Triệu Sơn, ideas with a chosen status and date, callers bound to one unit. */
final class ReportFixtures {

	static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** A unit code no other test of this run has used: a clock's last digits collided between two set-ups. */
	static String uniqueCode(String prefix) {
		return prefix + RUN + SEQUENCE.incrementAndGet();
	}

	private final UnitService units;

	private final IdeaService ideas;

	private final JdbcClient jdbc;

	private final Caller admin;

	ReportFixtures(UnitService units, IdeaService ideas, JdbcClient jdbc, Caller admin) {
		this.units = units;
		this.ideas = ideas;
		this.jdbc = jdbc;
		this.admin = admin;
	}

	UnitView unit(Long parent, String code, String name) {
		long parentId = parent != null ? parent : units.findByCode("TS").orElseThrow().id();
		return units.create(admin, new CreateUnit(parentId, code, name, "Đoàn cơ sở", UnitKind.OTHER, 100));
	}

	/** An idea of the unit with the status and counting date set directly (as IdeaCountsTests do). */
	long idea(UnitView unit, String title, IdeaStatus status, LocalDate submitted, SectorField field) {
		IdeaContent content = new IdeaContent(submitted.getYear(), IdeaKind.IDEA, title, "Tóm tắt ý tưởng " + title,
				"Vấn đề cần giải quyết", "Giải pháp đề xuất", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm",
				"Không", ApplicationArea.PRODUCTION, field, TargetGroup.RURAL_YOUTH, null, false);
		long id = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Lê Thị Báo Cáo")))).id();
		jdbc.sql("update idea set status = :s, submitted_at = cast(:at as timestamptz) where id = :id")
			.param("s", status.name()).param("at", submitted + "T10:00:00+07:00").param("id", id).update();
		return id;
	}

	/** A caller holding one role at one unit, with a real account id (rows reference accounts). */
	static Caller at(Caller account, Role role, UnitView unit) {
		return new Caller(account.accountId(), account.username(), account.displayName(),
				List.of(new Grant(role, unit.id(), unit.path())));
	}

	static int thisYear() {
		return Year.now().getValue();
	}
}
