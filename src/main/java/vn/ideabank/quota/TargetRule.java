package vn.ideabank.quota;

import java.util.Set;

import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/**
 * What a target counts: its kind and, for a CUSTOM target, a rule over ideas (empty sets = any;
 * no statuses = ideas proposed, i.e. neither drafts nor withdrawn).
 */
public record TargetRule(TargetKind kind, Set<IdeaStatus> statuses, Set<IdeaKind> ideaKinds, Set<SectorField> fields,
		Set<TargetGroup> groups) {

	public TargetRule {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		ideaKinds = ideaKinds == null ? Set.of() : Set.copyOf(ideaKinds);
		fields = fields == null ? Set.of() : Set.copyOf(fields);
		groups = groups == null ? Set.of() : Set.copyOf(groups);
	}

	public static TargetRule of(TargetKind kind) {
		return new TargetRule(kind, null, null, null, null);
	}
}
