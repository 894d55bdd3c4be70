package vn.ideabank.search;

/**
 * An earlier idea that looks like the given text; {@code similarity} in 0..1 and its shown {@code level};
 * {@code verdict} a reviewer's judgement, if any. An idea the caller may not open comes {@code readable}
 * false with only what is public about it (year and unit): no id, code or title.
 */
public record SimilarIdea(long id, String code, String title, String unitName, int year, double similarity, Level level,
		boolean readable, Verdict verdict) {

	public enum Verdict {
		DUPLICATE, DISTINCT;

		public String messageKey() {
			return "search.verdict." + name();
		}
	}

	/**
	 * What a similarity means, on the cosine's own scale (the same at 18 ideas as at a million); the
	 * thresholds come from the labelled sets, see docs/search.md "Similarity".
	 */
	public enum Level {
		/** rất giống: half the hand-written rewordings, no idea of the same topic. */
		VERY(0.5),
		/** giống: four in five rewordings, about one same-topic idea in a hundred. */
		SIMILAR(0.25),
		/** hơi giống: all but a few rewordings, one same-topic idea in sixteen. */
		SLIGHT(0.1);

		public final double from;

		Level(double from) {
			this.from = from;
		}

		/** The level of a similarity, or null below the lowest. */
		public static Level of(double similarity) {
			for (Level l : values()) {
				if (similarity >= l.from) {
					return l;
				}
			}
			return null;
		}

		public String messageKey() {
			return "search.similar.level." + name();
		}
	}
}
