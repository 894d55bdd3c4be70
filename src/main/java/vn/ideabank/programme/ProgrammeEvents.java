package vn.ideabank.programme;

import java.time.LocalDate;

/** Events of the programme module, for notifications (records, past tense). */
public final class ProgrammeEvents {

	private ProgrammeEvents() {
	}

	/** An IP registration changed status; {@code from} is null when it was created. */
	public record IpStatusChanged(long ipId, long unitId, String unitPath, IpStatus from, IpStatus to, long byAccountId) {
	}

	/** A deadline of an IP registration is {@code dayOffset} days away (0 = today); recorded once per offset. */
	public record IpDeadlineReminderDue(long ipId, long deadlineId, long unitId, String unitPath, String label,
			LocalDate dueOn, int dayOffset) {
	}

	/** A club logged an activity. */
	public record ClubActivityLogged(long clubId, long activityId, long unitId, String unitPath, LocalDate heldOn,
			int attendance) {
	}

	/** A startup received support. */
	public record StartupSupported(long startupId, long supportId, long unitId, String unitPath, SupportKind kind,
			LocalDate givenOn) {
	}
}
