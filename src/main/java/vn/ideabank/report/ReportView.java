package vn.ideabank.report;

import java.time.Instant;
import java.util.List;

/**
 * A periodic report: its unit and period, state, narrative sections, document details, the figures
 * (snapshotted if submitted, live for a draft) and, for a consolidated report, the children's parts.
 */
public record ReportView(long id, long unitId, String unitName, ReportingPeriod period, boolean consolidated,
		ReportStatus status, String results, String goodModels, String difficulties, String proposals,
		String numberSymbol, String signerName, String placeName, String returnComment, Instant submittedAt,
		Instant updatedAt, long version, List<Figure> figures, List<ChildPart> childParts) {

	/** The figure with the label, or 0. */
	public long figure(String labelKey) {
		return figures.stream().filter(f -> f.labelKey().equals(labelKey)).mapToLong(Figure::value).findFirst().orElse(0);
	}

	public List<Figure> figures(String group) {
		return figures.stream().filter(f -> f.group().equals(group)).toList();
	}
}
