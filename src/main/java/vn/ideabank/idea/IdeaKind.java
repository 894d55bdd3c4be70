package vn.ideabank.idea;

/** Ý tưởng, sáng kiến, đề tài nghiên cứu, giải pháp, mô hình, ý tưởng khởi nghiệp. */
public enum IdeaKind {
	IDEA, INITIATIVE, RESEARCH, SOLUTION, MODEL, STARTUP_IDEA;

	public String messageKey() {
		return "idea.kind." + name();
	}
}
