package vn.ideabank.idea;

/** Where an idea applies, in the plan's words: học tập, công tác, lao động, sản xuất, đời sống. */
public enum ApplicationArea {
	STUDY, WORK, LABOUR, PRODUCTION, LIFE;

	public String messageKey() {
		return "idea.area." + name();
	}
}
