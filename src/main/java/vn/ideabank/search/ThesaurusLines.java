package vn.ideabank.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the administrators' thesaurus text line by line before it is saved (the format of
 * src/main/resources/search/thesaurus-vi.txt): a group "tên chuẩn | cách nói khác | …" (at least two phrases,
 * none empty, each with a word and at most {@value #MAX_SYLLABLES} syllables, none twice), a broader term
 * "cụ thể > khái quát" (one sign >, no |), "!tên chuẩn" dropping a group or broader term that exists, blank
 * lines and "# comments". Each problem names its line and has a Vietnamese message (search_vi.properties).
 */
final class ThesaurusLines {

	static final int MAX_CHARS = 100_000;

	static final int MAX_LINES = 5_000;

	static final int MAX_LINE_CHARS = 2_000;

	static final int MAX_SYLLABLES = 10;

	/** At most this many problems are listed (then "and n more"). */
	static final int MAX_PROBLEMS = 20;

	/** A problem: the line (from 1; 0 for the whole text), the message key and its arguments (the line first). */
	record Problem(int line, String messageKey, List<Object> args) {
	}

	private ThesaurusLines() {
	}

	/** The problems of {@code text}, given the thesaurus it adds to (for the names a "!" line may drop). */
	static List<Problem> check(String text, Thesaurus before) {
		List<Problem> out = new ArrayList<>();
		String body = text == null ? "" : text;
		if (body.length() > MAX_CHARS) {
			out.add(new Problem(0, "search.thesaurus.error.tooLong", List.of(MAX_CHARS)));
			return out;
		}
		List<String> lines = body.lines().toList();
		if (lines.size() > MAX_LINES) {
			out.add(new Problem(0, "search.thesaurus.error.tooManyLines", List.of(MAX_LINES)));
			return out;
		}
		Set<String> known = new HashSet<>();
		before.groupList().forEach(g -> known.add(Thesaurus.key(g.get(0))));
		before.broaderLines().keySet().forEach(s -> known.add(Thesaurus.key(s)));
		int problems = 0;
		for (int i = 0; i < lines.size(); i++) {
			Problem p = checkLine(i + 1, lines.get(i).strip(), known);
			if (p != null && ++problems <= MAX_PROBLEMS) {
				out.add(p);
			}
		}
		if (problems > MAX_PROBLEMS) {
			out.add(new Problem(0, "search.thesaurus.error.more", List.of(problems - MAX_PROBLEMS)));
		}
		return out;
	}

	private static Problem checkLine(int n, String line, Set<String> known) {
		if (line.isEmpty() || line.startsWith("#")) {
			return null;
		}
		if (line.length() > MAX_LINE_CHARS) {
			return problem(n, "lineTooLong", MAX_LINE_CHARS);
		}
		if (line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f))) {
			return problem(n, "control");
		}
		if (line.startsWith("!")) {
			String name = line.substring(1).strip();
			if (VietnameseAnalysis.foldedTokens(name).isEmpty()) {
				return problem(n, "drop");
			}
			return known.contains(Thesaurus.key(name)) ? null : problem(n, "dropUnknown", name);
		}
		if (line.startsWith("=")) {
			String kept = line.substring(1).strip();
			Problem p = line.indexOf('|') >= 0 || line.indexOf('>') >= 0 ? problem(n, "kept") : phrase(n, kept);
			if (p == null) {
				known.add(Thesaurus.key(kept));
			}
			return p;
		}
		if (line.indexOf('>') >= 0) {
			String[] sides = line.split(">", -1);
			if (sides.length != 2 || line.indexOf('|') >= 0 || sides[0].isBlank() || sides[1].isBlank()) {
				return problem(n, "broader");
			}
			for (String side : sides) {
				Problem p = phrase(n, side.strip());
				if (p != null) {
					return p;
				}
			}
			known.add(Thesaurus.key(sides[0]));
			return null;
		}
		String[] parts = line.split("\\|", -1);
		if (parts.length < 2) {
			return problem(n, "group");
		}
		Set<String> seen = new HashSet<>();
		for (String part : parts) {
			String phrase = part.strip();
			if (phrase.isEmpty()) {
				return problem(n, "emptyPart");
			}
			Problem p = phrase(n, phrase);
			if (p != null) {
				return p;
			}
			if (!seen.add(String.join(" ", VietnameseAnalysis.exactTokens(phrase)))) {
				return problem(n, "duplicate", phrase);
			}
		}
		known.add(Thesaurus.key(parts[0]));
		return null;
	}

	private static Problem phrase(int n, String phrase) {
		List<String> folded = VietnameseAnalysis.foldedTokens(phrase);
		if (folded.isEmpty() || phrase.codePoints().noneMatch(Character::isLetterOrDigit)
				|| folded.size() != VietnameseAnalysis.exactTokens(phrase).size()) {
			return problem(n, "noWord", phrase);
		}
		if (folded.size() > MAX_SYLLABLES) {
			return problem(n, "phraseTooLong", phrase, MAX_SYLLABLES);
		}
		return null;
	}

	private static Problem problem(int n, String what, Object... more) {
		List<Object> args = new ArrayList<>();
		args.add(n);
		args.addAll(List.of(more));
		return new Problem(n, "search.thesaurus.error.line." + what, List.copyOf(args));
	}
}
