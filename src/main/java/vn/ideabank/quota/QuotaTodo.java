package vn.ideabank.quota;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.quota.Progress.Line;

/**
 * The quota figures of the to-do home page, taken from the dashboard's own computation (grouped counts
 * from the idea roll-up, never rows), so the home and the dashboard cannot disagree.
 */
@Service
@Transactional(readOnly = true)
public class QuotaTodo {

	/** The unit's ideas target for the year: what exists, what is expected by today, the year's share. */
	public record IdeasProgress(long actual, Long expected, Long share, Integer percent, boolean behind) {
	}

	private final ProgressService progress;

	QuotaTodo(ProgressService progress) {
		this.progress = progress;
	}

	/** The unit's progress on its "ideas proposed" target this year, if a plan governs it and gives it a share. */
	public Optional<IdeasProgress> ideas(Caller caller, long unitId, LocalDate today) {
		return progress.progress(caller, unitId, today.getYear(), YearPart.YEAR).stream()
			.filter(l -> l.target().kind() == TargetKind.IDEAS_PROPOSED && l.tracked() && l.share() != null)
			.findFirst()
			.map(QuotaTodo::ideas);
	}

	/** Active children of the unit behind schedule on the dashboard's children target, this year. */
	public long childrenBehind(Caller caller, long unitId, LocalDate today) {
		return progress.dashboard(caller, unitId, today.getYear(), YearPart.YEAR, null, today).children().stream()
			.filter(c -> c.line().behind()).count();
	}

	private static IdeasProgress ideas(Line l) {
		return new IdeasProgress(l.actual(), l.expected(), l.share(), l.percent(), l.behind());
	}
}
