package vn.ideabank.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain thesaurus (src/main/resources/search/thesaurus-vi.txt, plus an administrator's override file,
 * see {@link ThesaurusSource}): groups of words that say the same thing (synonyms, loanwords, abbreviations,
 * colloquial forms) become one concept term ({@code ~canonical}), and specific words add their broader
 * term ({@code ^broader}: cây cam → cây ăn quả) beside themselves.
 * <p>
 * Matching is by syllables, longest phrase first. A syllable typed without diacritics matches an entry's
 * folded form, except a one-syllable entry that has diacritics: folded, "lợn" would also be "lớn" (big),
 * so those match only as typed.
 */
public final class Thesaurus {

	/** One phrase of a group: its syllables as typed (case folded) and folded, and what it stands for. */
	private record Phrase(List<String> exact, List<String> folded, boolean foldedMatch, String concept, String broader) {
	}

	private final Map<String, List<Phrase>> byFirstFolded;

	/** Concept term → the phrases (as written in the file) that express it, for query expansion. */
	private final Map<String, List<String>> variants;

	private Thesaurus(Map<String, List<Phrase>> byFirstFolded, Map<String, List<String>> variants) {
		this.byFirstFolded = byFirstFolded;
		this.variants = variants;
	}

	public static final Thesaurus EMPTY = parse(List.of());

	private static volatile Thesaurus builtIn;

	/** The thesaurus shipped with the application. */
	public static Thesaurus builtIn() {
		Thesaurus t = builtIn;
		if (t == null) {
			try (InputStream in = Thesaurus.class.getResourceAsStream("/search/thesaurus-vi.txt")) {
				t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			builtIn = t;
		}
		return t;
	}

	/**
	 * Reads lines "canonical | variant | ..." (a group) and "specific > broader" (a broader term); a line
	 * "!canonical" removes an earlier group of that name (so an override file can drop a built-in group).
	 */
	public static Thesaurus parse(List<String> lines) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		Map<String, String[]> broader = new LinkedHashMap<>(); // folded key → phrase as written, broader phrase
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("!")) {
				String key = key(line.substring(1));
				groups.remove(key);
				broader.remove(key);
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
		Map<String, List<Phrase>> index = new HashMap<>();
		for (List<String> names : groups.values()) {
			String concept = "~" + key(names.get(0)).replace(' ', '_');
			variants.put(concept, List.copyOf(names));
			for (String name : names) {
				conceptOf.putIfAbsent(key(name), concept);
				add(index, name, concept, null);
			}
		}
		for (var e : broader.entrySet()) {
			String target = conceptOf.getOrDefault(key(e.getValue()[1]), "^" + key(e.getValue()[1]).replace(' ', '_'));
			add(index, e.getValue()[0], null, target.startsWith("~") ? "^" + target.substring(1) : target);
		}
		index.values().forEach(l -> l.sort(Comparator.comparingInt((Phrase p) -> p.exact().size()).reversed()));
		return new Thesaurus(index, variants);
	}

	private static String key(String phrase) {
		return String.join(" ", VietnameseAnalysis.foldedTokens(phrase));
	}

	private static void add(Map<String, List<Phrase>> index, String name, String concept, String broader) {
		List<String> exact = VietnameseAnalysis.exactTokens(name);
		List<String> folded = VietnameseAnalysis.foldedTokens(name);
		if (folded.isEmpty() || exact.size() != folded.size()) {
			return;
		}
		boolean foldedMatch = folded.size() > 1 || exact.get(0).equals(folded.get(0));
		index.computeIfAbsent(folded.get(0), k -> new ArrayList<>()).add(new Phrase(exact, folded, foldedMatch, concept, broader));
	}

	public boolean isEmpty() {
		return byFirstFolded.isEmpty();
	}

	/** Syllables with the thesaurus applied: {@code tokens} (phrases of a group replaced by their concept) and {@code broader} terms. */
	public record Applied(List<String> tokens, List<String> broader) {
	}

	/** Applies the thesaurus to a text's syllables, given as typed (case folded) and folded, position by position. */
	public Applied apply(List<String> exact, List<String> folded) {
		if (byFirstFolded.isEmpty() || exact.size() != folded.size()) {
			return new Applied(folded, List.of());
		}
		List<String> out = new ArrayList<>(folded.size());
		List<String> broader = new ArrayList<>();
		int i = 0;
		while (i < folded.size()) {
			Phrase hit = null;
			for (Phrase p : byFirstFolded.getOrDefault(folded.get(i), List.of())) {
				if (matches(p, exact, folded, i) && (hit == null || p.exact().size() > hit.exact().size())) {
					hit = p;
				}
			}
			if (hit == null) {
				out.add(folded.get(i));
				i++;
				continue;
			}
			if (hit.broader() != null) {
				broader.add(hit.broader());
			}
			if (hit.concept() != null) {
				out.add(hit.concept());
				i += hit.exact().size();
			}
			else {
				out.add(folded.get(i)); // a broader term keeps the words it was found in
				i++;
			}
		}
		return new Applied(out, broader);
	}

	private static boolean matches(Phrase p, List<String> exact, List<String> folded, int at) {
		int n = p.exact().size();
		if (at + n > folded.size()) {
			return false;
		}
		for (int j = 0; j < n; j++) {
			String e = exact.get(at + j);
			if (e.equals(p.exact().get(j))) {
				continue;
			}
			boolean typedWithoutMarks = e.equals(folded.get(at + j));
			if (!(typedWithoutMarks && p.foldedMatch() && folded.get(at + j).equals(p.folded().get(j)))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Query expansion for search: every phrase of the groups the text mentions, other than what it says
	 * ("flycam phun thuốc" → drone, máy bay không người lái, ... ). Broader terms are not expanded.
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

	public int groups() {
		return variants.size();
	}
}
