package vn.ideabank.quota;

import java.util.OptionalDouble;

import vn.ideabank.org.UnitView;

/**
 * SPI: one input of the creativity criterion that another module knows, as a fraction 0..1 — the
 * report module supplies {@link #PUNCTUALITY} (plans and reports sent on time), the contest module
 * {@link #CONTESTS} (participation). Empty when the module has no data for the unit and year; the
 * score then shows the input as not tracked and leaves its weight out.
 */
public interface CriterionInput {

	String PUNCTUALITY = "PUNCTUALITY";

	String CONTESTS = "CONTESTS";

	/** {@link #PUNCTUALITY} or {@link #CONTESTS}. */
	String key();

	OptionalDouble value(UnitView unit, int year);
}
