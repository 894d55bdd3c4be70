package vn.ideabank.report;

/** A child unit's narrative sections as copied into its parent's consolidated report. */
public record ChildPart(long unitId, String unitName, String results, String goodModels, String difficulties,
		String proposals) {
}
