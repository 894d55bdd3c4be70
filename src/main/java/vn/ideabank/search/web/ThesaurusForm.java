package vn.ideabank.search.web;

/** The administrators' thesaurus text and the version it was read at. */
class ThesaurusForm {

	/** Checked line by line by the facade (ThesaurusLines), which also bounds its size. */
	String text;

	long version;

	// bean accessors for data binding (th:field)
	public String getText() { return text; }
	public void setText(String v) { text = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
