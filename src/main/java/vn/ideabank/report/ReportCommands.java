package vn.ideabank.report;

import jakarta.validation.constraints.Size;

/** Commands of the periodic reports. */
public final class ReportCommands {

	private ReportCommands() {
	}

	/** The narrative sections and document details of a draft. */
	public record WriteReport(long version, @Size(max = 20000) String results, @Size(max = 20000) String goodModels,
			@Size(max = 20000) String difficulties, @Size(max = 20000) String proposals, @Size(max = 60) String numberSymbol,
			@Size(max = 200) String signerName, @Size(max = 200) String placeName) {
	}
}
