package vn.ideabank.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain thesaurus (src/main/resources/search/thesaurus-vi.txt, plus the administrators' additions, see
 * {@link ThesaurusSource}): groups of words that say the same thing (synonyms, loanwords, abbreviations,
 * colloquial forms) become one concept term ({@code ~canonical}), and specific words add their broader
 * term ({@code ^broader}: cây cam → cây ăn quả) beside themselves.
 * <p>
 * Matching is by syllables, longest phrase first ({@link PhraseMatcher}). A syllable typed without diacritics
 * matches an entry's folded form, except a one-syllable entry that has diacritics: folded, "lợn" would also be
 * "lớn" (big), so those match only as typed. Search widens a query with the same groups ({@link QueryExpansion}).
 */
public final class Thesaurus {

	/**
	 * What a phrase stands for: its group's concept term, or (a specific phrase) its broader term, or neither (a
	 * kept phrase, which only stops a shorter entry from matching inside it: "lạc hậu" is not "lạc", peanuts).
	 */
	private record Meaning(String concept, String broader) {
	}

	private static final Meaning KEPT = new Meaning(null, null);

	private final PhraseMatcher<Meaning> phrases;

	/** Concept term → the phrases (as written in the file) that express it, for query expansion. */
	private final Map<String, List<String>> variants;

	/** Specific phrase → broader phrase, as written ("cây cam" → "cây ăn quả"). */
	private final Map<String, String> broaderLines;

	/** Phrases kept as they are ("= lạc hậu" lines), as written. */
	private final List<String> kept;

	private Thesaurus(PhraseMatcher<Meaning> phrases, Map<String, List<String>> variants, Map<String, String> broaderLines,
			List<String> kept) {
		this.phrases = phrases;
		this.kept = kept;
		this.variants = variants;
		this.broaderLines = broaderLines;
	}

	public static final Thesaurus EMPTY = parse(List.of());

	private static volatile Thesaurus builtIn;

	/** The thesaurus shipped with the application. */
	public static Thesaurus builtIn() {
		Thesaurus t = builtIn;
		if (t == null) {
			t = parse(builtInLines());
			builtIn = t;
		}
		return t;
	}

	/** The lines of the shipped thesaurus file. */
	static List<String> builtInLines() {
		try (InputStream in = Thesaurus.class.getResourceAsStream("/search/thesaurus-vi.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads lines "canonical | variant | ..." (a group) and "specific > broader" (a broader term); a line
	 * "!canonical" removes an earlier group of that name (so an override file can drop a built-in group); a line
	 * "= phrase" keeps a phrase as it is, so that no shorter entry matches inside it.
	 */
	public static Thesaurus parse(List<String> lines) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		Map<String, String[]> broader = new LinkedHashMap<>(); // folded key → phrase as written, broader phrase
		Map<String, String> kept = new LinkedHashMap<>(); // folded key → phrase as written
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("!")) {
				String key = key(line.substring(1));
				groups.remove(key);
				broader.remove(key);
				kept.remove(key);
				continue;
			}
			if (line.startsWith("=")) {
				kept.put(key(line.substring(1)), line.substring(1).strip());
				continue;
			}
			int gt = line.indexOf('>');
			if (gt > 0) {
				broader.put(key(line.substring(0, gt)), new String[] { line.substring(0, gt).strip(), line.substring(gt + 1).strip() });
				continue;
			}
			List<String> names = new ArrayList<>();
			for (String p : line.split("\\|")) {
				if (!p.isBlank()) {
					names.add(p.strip());
				}
			}
			if (!names.isEmpty()) {
				groups.put(key(names.get(0)), names);
			}
		}
		Map<String, String> conceptOf = new HashMap<>(); // folded phrase → concept term
		Map<String, List<String>> variants = new LinkedHashMap<>();
		PhraseMatcher<Meaning> index = new PhraseMatcher<>();
		for (List<String> names : groups.values()) {
			String concept = "~" + key(names.get(0)).replace(' ', '_');
			variants.put(concept, List.copyOf(names));
			for (String name : names) {
				conceptOf.putIfAbsent(key(name), concept);
				index.add(name, new Meaning(concept, null));
			}
		}
		Map<String, String> broaderLines = new LinkedHashMap<>();
		for (var e : broader.entrySet()) {
			String target = conceptOf.getOrDefault(key(e.getValue()[1]), "^" + key(e.getValue()[1]).replace(' ', '_'));
			index.add(e.getValue()[0], new Meaning(null, target.startsWith("~") ? "^" + target.substring(1) : target));
			broaderLines.put(e.getValue()[0], e.getValue()[1]);
		}
		kept.values().forEach(phrase -> index.add(phrase, KEPT));
		return new Thesaurus(index, variants, broaderLines, List.copyOf(kept.values()));
	}

	static String key(String phrase) {
		return String.join(" ", VietnameseAnalysis.foldedTokens(phrase));
	}

	public boolean isEmpty() {
		return phrases.isEmpty();
	}

	/** Syllables with the thesaurus applied: {@code tokens} (phrases of a group replaced by their concept) and {@code broader} terms. */
	public record Applied(List<String> tokens, List<String> broader) {
	}

	/** Applies the thesaurus to a text's syllables, given as typed (case folded) and folded, position by position. */
	public Applied apply(List<String> exact, List<String> folded) {
		if (phrases.isEmpty() || exact.size() != folded.size()) {
			return new Applied(folded, List.of());
		}
		List<String> out = new ArrayList<>(folded.size());
		List<String> broader = new ArrayList<>();
		int i = 0;
		while (i < folded.size()) {
			PhraseMatcher.Match<Meaning> hit = phrases.longestAt(exact, folded, i);
			if (hit == null) {
				out.add(folded.get(i));
				i++;
				continue;
			}
			if (hit.value() == KEPT) {
				out.addAll(folded.subList(i, i + hit.length()));
				i += hit.length();
				continue;
			}
			if (hit.value().broader() != null) {
				broader.add(hit.value().broader());
			}
			if (hit.value().concept() != null) {
				out.add(hit.value().concept());
				i += hit.length();
			}
			else {
				out.add(folded.get(i)); // a broader term keeps the words it was found in
				i++;
			}
		}
		return new Applied(out, broader);
	}

	/**
	 * Every phrase of the groups the text mentions, other than what it says ("flycam phun thuốc" → drone, máy bay
	 * không người lái, ... ). Broader terms are not expanded. (The search builds its query with {@link QueryExpansion}.)
	 */
	public Set<String> expansions(String text) {
		List<String> exact = VietnameseAnalysis.exactTokens(text);
		List<String> folded = VietnameseAnalysis.foldedTokens(text);
		Set<String> out = new LinkedHashSet<>();
		for (String t : apply(exact, folded).tokens()) {
			if (t.startsWith("~")) {
				out.addAll(variants.getOrDefault(t, List.of()));
			}
		}
		Set<String> said = new LinkedHashSet<>();
		out.forEach(v -> {
			if (String.join(" ", folded).contains(key(v))) {
				said.add(v);
			}
		});
		out.removeAll(said);
		return out;
	}

	/** The phrases of a concept term ({@code ~canonical}), for building a query that finds any of them. */
	public List<String> variantsOf(String concept) {
		return variants.getOrDefault(concept, List.of());
	}

	/** Phrases kept as they are, as written: a search expands nothing inside them either. */
	public List<String> keptPhrases() {
		return kept;
	}

	public int groups() {
		return variants.size();
	}

	/** The groups, each as written (its canonical name first), in the order read. */
	public List<List<String>> groupList() {
		return List.copyOf(variants.values());
	}

	/** The broader-term lines as written: specific phrase → broader phrase, in the order read. */
	public Map<String, String> broaderLines() {
		return java.util.Collections.unmodifiableMap(broaderLines);
	}
}
