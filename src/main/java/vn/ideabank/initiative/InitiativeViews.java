package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the initiative pages, the API and the documents show. */
public final class InitiativeViews {

	private InitiativeViews() {
	}

	/** Where an application stands (the procedure of Nghị định 13/2012, Điều 9–10). */
	public enum Status {
		/** Filed by the author, not yet taken into the register. */
		FILED,
		/** In the register, the decision clock running. */
		ACCEPTED,
		/** Sent back for completion: the clock stops until it is filed again. */
		RETURNED,
		RECOGNISED, REFUSED;

		public String messageKey() {
			return "initiative.status." + name();
		}
	}

	/** Phạm vi ảnh hưởng of a recognised initiative. */
	public enum Reach {
		BASE, DISTRICT, PROVINCE, NATIONAL;

		public String messageKey() {
			return "initiative.reach." + name();
		}
	}

	/** The description parts of the application (Phụ lục I, mục 5–9); any may be marked confidential. */
	public enum Part {
		KNOWN_SOLUTION("knownSolution"), NEW_CONTENT("newContent"), APPLICABILITY("applicability"), BENEFITS("benefits"),
		TRIAL_PARTICIPANTS("trialParticipants");

		private final String field;

		Part(String field) {
			this.field = field;
		}

		/** The field of forms and JSON that carries this part. */
		public String field() {
			return field;
		}

		public String messageKey() {
			return "initiative.part." + name();
		}
	}

	public record AuthorView(int position, String fullName, LocalDate birthDate, String workplace, String jobTitle,
			String qualification, BigDecimal contribution) {
	}

	/**
	 * An application as this caller may see it: a confidential part the caller may not read is null and
	 * listed in {@code withheld}.
	 */
	public record ApplicationView(long id, long ideaId, String ideaCode, long unitId, String unitName, String title,
			Status status, String investor, String fieldOfUse, LocalDate firstAppliedOn, String knownSolution,
			String newContent, String applicability, String benefits, String trialParticipants, Set<Part> confidential,
			Set<Part> withheld, List<AuthorView> authors, Instant filedAt, Integer registerYear, Integer registerNo,
			String registerUnitName, LocalDate receivedOn, LocalDate acceptedOn, LocalDate dueOn, LocalDate returnedOn,
			String returnReason, Long councilId, String decisionNo, LocalDate decidedOn, Reach reach,
			String refusalReason, String signerName, Long earlierId, String earlierIdeaCode, long version) {

		/** "12/2026" as the register and the receipt write it. */
		public String registerNumber() {
			return registerNo == null ? null : registerNo + "/" + registerYear;
		}

		public boolean overdue(LocalDate today) {
			return status == Status.ACCEPTED && dueOn != null && dueOn.isBefore(today);
		}

		public String part(Part part) {
			return switch (part) {
				case KNOWN_SOLUTION -> knownSolution;
				case NEW_CONTENT -> newContent;
				case APPLICABILITY -> applicability;
				case BENEFITS -> benefits;
				case TRIAL_PARTICIPANTS -> trialParticipants;
			};
		}
	}

	/** One line of the intake register (no description text: the register is read by every officer). */
	public record RegisterRow(long id, String ideaCode, String title, String unitName, Status status, Integer registerYear,
			Integer registerNo, LocalDate receivedOn, LocalDate dueOn, String authors, Reach reach, boolean later) {

		public String registerNumber() {
			return registerNo == null ? null : registerNo + "/" + registerYear;
		}
	}

	/** A year of application with the gain and what is owed the authors (Nghị định 13/2012, Điều 10). */
	public record BenefitView(int yearNo, BigDecimal gain, BigDecimal transferPrice, BigDecimal paid, BigDecimal owed) {

		/** What is still to pay of the minimum owed (never below zero). */
		public BigDecimal outstanding() {
			return paid == null ? owed : owed.subtract(paid).max(BigDecimal.ZERO);
		}
	}

	/** An office's settings of the procedure: whether it records the authors' remuneration. */
	public record UnitSetting(long unitId, String unitName, boolean remuneration, long version) {
	}

	/**
	 * An earlier application the office may confirm as the same solution (priority, Nghị định 13/2012, Điều 6): in the
	 * caller's scope, filed before, its idea linked by the similar-ideas score at or above the configured level.
	 */
	public record PriorityCandidate(long id, String ideaCode, String title, String registerNumber, Instant filedAt,
			double similarity) {

		/** The similarity as a whole percentage, as the page shows it. */
		public long percent() {
			return Math.round(similarity * 100);
		}
	}

	/** A council member and the part taken in the meeting on an application. */
	public record Attendee(long accountId, String displayName, boolean present, boolean scored) {
	}

	/**
	 * The council's meeting on an application: every member with whether present (recorded, or by default those who
	 * scored), the chair and the secretary when recorded, and the council's vote (ACCEPT, REJECT, or null before it).
	 */
	public record Meeting(long applicationId, List<Attendee> members, Long chairId, Long secretaryId, boolean recorded,
			String vote, long version) {
	}

	/**
	 * What the council minutes print: the members present (those recorded, or by default those who scored) and absent,
	 * the chair and the secretary when recorded, each reviewer's total, the council's vote.
	 */
	public record Minutes(String councilName, List<String> present, List<String> absent, String chair, String secretary,
			List<Score> scores, Double aggregate, String decision, String decisionReason, Instant decidedAt) {
	}

	public record Score(String reviewer, Double total) {
	}
}
