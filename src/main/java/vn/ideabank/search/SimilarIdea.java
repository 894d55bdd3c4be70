package vn.ideabank.search;

/** An earlier idea that looks like the given text; {@code similarity} in 0..1; {@code verdict} a reviewer's judgement, if any. */
public record SimilarIdea(long id, String code, String title, String unitName, int year, double similarity,
		Verdict verdict) {

	public enum Verdict {
		DUPLICATE, DISTINCT;

		public String messageKey() {
			return "search.verdict." + name();
		}
	}
}
