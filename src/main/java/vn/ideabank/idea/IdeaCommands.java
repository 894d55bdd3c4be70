package vn.ideabank.idea;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import vn.ideabank.member.TargetGroup;

/** The commands that change ideas, one per user action. */
public final class IdeaCommands {

	private IdeaCommands() {
	}

	/** What an idea says. Drafts may be incomplete; submitting checks the rest. */
	public record IdeaContent(
			@NotNull @Min(2000) @Max(2100) Integer year,
			@NotNull IdeaKind kind,
			@NotBlank @Size(max = 300) String title,
			@Size(max = 2000) String summary,
			@Size(max = 20000) String problem,
			@Size(max = 20000) String solution,
			@Size(max = 20000) String novelty,
			Set<Benefit> benefits,
			@Size(max = 1000) String benefitsOther,
			@Size(max = 1000) String scopeWhere,
			@Size(max = 1000) String scopeWhen,
			@Size(max = 2000) String scopeConditions,
			ApplicationArea applicationArea,
			SectorField sectorField,
			TargetGroup targetGroup,
			@Size(max = 2000) String videoLinks,
			boolean publicOptOut) {

		/**
		 * What a submission still lacks, as field names in the order a person fills them in: the plan
		 * asks every idea for its problem, solution, novelty, benefits and scope of application.
		 */
		public List<String> missingForSubmission() {
			List<String> missing = new java.util.ArrayList<>();
			addIfBlank(missing, "summary", summary);
			addIfBlank(missing, "problem", problem);
			addIfBlank(missing, "solution", solution);
			addIfBlank(missing, "novelty", novelty);
			if ((benefits == null || benefits.isEmpty()) && blank(benefitsOther)) {
				missing.add("benefits");
			}
			addIfBlank(missing, "scopeWhere", scopeWhere);
			return missing;
		}

		private static void addIfBlank(List<String> missing, String field, String value) {
			if (blank(value)) {
				missing.add(field);
			}
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}
	}

	/** An author: a member of the roster by id, or a person outside it by name. */
	public record AuthorRef(Long memberId, @Size(max = 200) String fullName) {
	}

	public record SaveIdea(@NotNull Long unitId, @NotNull @Valid IdeaContent content,
			@NotEmpty @Size(max = 20) List<@Valid AuthorRef> authors) {
	}

	/**
	 * A lifecycle step. {@code reason} is required where the table says so; the applied-evidence
	 * fields only for {@link IdeaStep#MARK_APPLIED}.
	 */
	public record TakeStep(@NotNull IdeaStep step, long version, @Size(max = 5000) String reason,
			@Size(max = 1000) String appliedWhere, @PastOrPresent LocalDate appliedSince,
			@Size(max = 5000) String appliedEffect) {

		public static TakeStep of(IdeaStep step, long version, String reason) {
			return new TakeStep(step, version, reason, null, null, null);
		}
	}

	public record AddComment(@NotBlank @Size(max = 5000) String body, boolean internal) {
	}

	public record MarkPosted(@NotBlank @Size(max = 100) String portalCode, @Size(max = 1000) String portalUrl) {
	}
}
