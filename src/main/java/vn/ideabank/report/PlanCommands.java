package vn.ideabank.report;

import java.time.LocalDate;
import java.util.List;

/** Commands of the plan requests. */
public final class PlanCommands {

	private PlanCommands() {
	}

	/** Ask units for their plan; {@code unitIds} empty means every active direct child of {@code unitId}. */
	public record CreatePlanRequest(long unitId, String title, int year, LocalDate deadline, String instructions,
			List<Long> unitIds) {

		public CreatePlanRequest {
			unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
		}
	}

	/** An uploaded file: its name, size and a way to read it again. */
	public record Upload(String fileName, long size, vn.ideabank.common.files.UploadCheck.Content content) {
	}
}
