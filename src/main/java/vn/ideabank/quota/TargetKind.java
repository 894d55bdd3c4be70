package vn.ideabank.quota;

/** What a target counts. Every kind is computed from records by a {@link TargetCounter}, never typed in. */
public enum TargetKind {
	IDEAS_PROPOSED, MODELS_APPLIED, AGRI_STARTUPS_SUPPORTED, CONTESTS_HELD, CLUBS_FOUNDED, IP_SUPPORTED, CUSTOM;

	public String messageKey() {
		return "target.kind." + name();
	}
}
