package vn.ideabank.quota;

import java.util.Map;
import java.util.Set;

import vn.ideabank.org.UnitView;

/**
 * SPI: counts the records behind targets of some kinds. The idea-based counter lives in this module;
 * modules built later (programmes, contests) implement it for startups, clubs, IP registrations and
 * contests as Spring beans, depending on {@code target} (never the reverse). A kind no bean counts is
 * shown as "not tracked yet", never as zero.
 * <p>
 * Callers have already checked the reader against {@code unit}; implementations count without checks.
 */
public interface TargetCounter {

	/** The kinds this counter answers. */
	Set<TargetKind> kinds();

	/**
	 * Counts in {@code unit}'s subtree within the months {@code fromMonth..toMonth} of {@code year},
	 * keyed by the id of the unit's direct child holding the record (the unit itself under its own id).
	 */
	Map<Long, Long> countByChild(TargetRule rule, UnitView unit, int year, int fromMonth, int toMonth);

	/** Counts of {@code unit}'s subtree per month 1..12 of {@code year}; absent months are zero. */
	Map<Integer, Long> countByMonth(TargetRule rule, UnitView unit, int year);
}
