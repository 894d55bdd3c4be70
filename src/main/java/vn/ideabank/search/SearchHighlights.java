package vn.ideabank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.springframework.web.util.HtmlUtils;

/**
 * The marked title and passages of a page of hits, made from their stored text and the query's own words: each
 * text analysed once by the folded analyzer (the index's), the syllables the query matched wrapped in
 * {@code <mark>}, the rest HTML-escaped. Matching is the search's: a plain word as folded (one letter off in the
 * fuzzy fallback, first letter exact), a thesaurus group's typed phrase and its equivalents by {@link PhraseMatcher}'s
 * rule. Done in the application rather than by the index's highlighter: that one matched its whole query again
 * against the index for every hit and field and re-analysed the text into an in-memory index, a third of a
 * search's CPU at a million ideas (docs/performance.md); this needs no index query at all, on either backend.
 */
final class SearchHighlights {

	/** Passages of the text shown per hit: its best sentences, in the text's order. */
	static final int PASSAGES = 2;

	/** A longer sentence (a text pasted without full stops) is shown as this many characters around its first mark. */
	static final int MAX_PASSAGE_CHARS = 300;

	private static final Analyzer FOLDED = VietnameseAnalysis.folded();

	/** What {@code vi_exact}'s ICUNormalizer2Filter does to a syllable (its default form: NFKC, case folded). */
	private static final Normalizer2 EXACT = Normalizer2.getNFKCCasefoldInstance();

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final Set<String> words;

	private final List<CharacterRunAutomaton> fuzzyWords = new ArrayList<>();

	private final PhraseMatcher<Boolean> phrases = new PhraseMatcher<>();

	private SearchHighlights(QueryExpansion.Words query, boolean fuzzy) {
		this.words = Set.copyOf(query.terms());
		for (String term : query.terms()) {
			if (fuzzy && IdeaQueries.fuzzyWord(term)) { // as the search's fuzzy(1, 1): one edit, the first letter exact
				fuzzyWords.add(new CharacterRunAutomaton(new LevenshteinAutomata(term.substring(1), false)
					.toAutomaton(1, term.substring(0, 1))));
			}
		}
		for (QueryExpansion.Group g : query.groups()) {
			phrases.add(g.typed(), true);
			g.equivalents().forEach(e -> phrases.add(e.written(), true));
		}
	}

	/** What marks the words of a query (searched with one-letter typos forgiven when {@code fuzzy}). */
	static SearchHighlights of(QueryExpansion.Words query, boolean fuzzy) {
		return new SearchHighlights(query, fuzzy);
	}

	/** The whole title, escaped, its matched syllables marked; null when none matched. */
	String title(String title) {
		Marked marked = marked(title);
		return marked.spans().isEmpty() ? null : marked.html(0, title.length());
	}

	/** The text's {@value #PASSAGES} sentences with the most distinct matched words, escaped and marked. */
	List<String> passages(String text) {
		Marked marked = marked(text);
		if (marked.spans().isEmpty()) {
			return List.of();
		}
		List<Passage> passages = new ArrayList<>();
		BreakIterator sentences = BreakIterator.getSentenceInstance(VIETNAMESE);
		sentences.setText(text);
		int next = 0;
		for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			Set<String> distinct = new HashSet<>();
			while (next < marked.spans().size() && marked.spans().get(next).start() < end) {
				Span s = marked.spans().get(next++);
				if (s.start() >= start) {
					distinct.add(s.folded());
				}
			}
			if (!distinct.isEmpty()) {
				passages.add(new Passage(start, end, distinct.size()));
			}
		}
		return passages.stream().sorted(Comparator.comparingInt(Passage::words).reversed()).limit(PASSAGES)
			.sorted(Comparator.comparingInt(Passage::start))
			.map(p -> shortened(marked, p)).toList();
	}

	/** The passage, or a window of it from a little before its first mark, cut at spaces and marked with "…". */
	private static String shortened(Marked marked, Passage p) {
		String text = marked.text();
		if (p.end() - p.start() <= MAX_PASSAGE_CHARS) {
			return marked.html(p.start(), p.end()).strip();
		}
		int firstMark = marked.spans().stream().mapToInt(Span::start).filter(s -> s >= p.start()).findFirst().orElse(p.start());
		int from = Math.max(p.start(), firstMark - MAX_PASSAGE_CHARS / 5);
		int space = text.lastIndexOf(' ', from);
		from = space > p.start() ? space + 1 : p.start();
		int to = Math.min(p.end(), from + MAX_PASSAGE_CHARS);
		space = text.lastIndexOf(' ', to);
		to = space > firstMark && to < p.end() ? space : to;
		return (from > p.start() ? "…" : "") + marked.html(from, to).strip() + (to < p.end() ? " …" : "");
	}

	private record Span(int start, int end, String folded) {
	}

	private record Passage(int start, int end, int words) {
	}

	/** A text and its matched syllables, left to right. */
	private record Marked(String text, List<Span> spans) {

		String html(int from, int to) {
			StringBuilder out = new StringBuilder();
			int at = from;
			for (Span s : spans) {
				if (s.start() < from || s.end() > to) {
					continue;
				}
				out.append(escape(text.substring(at, s.start()))).append("<mark>")
					.append(escape(text.substring(s.start(), s.end()))).append("</mark>");
				at = s.end();
			}
			return out.append(escape(text.substring(at, to))).toString();
		}

		/** Only {@code < > & " '}: the page is UTF-8, letters with diacritics stay letters. */
		private static String escape(String s) {
			return HtmlUtils.htmlEscape(s, "UTF-8");
		}
	}

	/** Whether a syllable is one letter off a word of the fuzzy fallback (none outside it). */
	private boolean fuzzyMatch(String folded) {
		for (CharacterRunAutomaton word : fuzzyWords) {
			if (word.run(folded)) {
				return true;
			}
		}
		return false;
	}

	private Marked marked(String text) {
		if (text == null || text.isEmpty()) {
			return new Marked("", List.of());
		}
		List<String> folded = new ArrayList<>();
		List<int[]> offsets = new ArrayList<>();
		try (TokenStream stream = FOLDED.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				folded.add(term.toString());
				offsets.add(new int[] { offset.startOffset(), offset.endOffset() });
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// a syllable with its diacritics is needed only where a phrase's first syllable matches: made on demand
		String[] exactMade = new String[folded.size()];
		List<String> exact = new AbstractList<>() {
			@Override
			public String get(int i) {
				if (exactMade[i] == null) {
					exactMade[i] = EXACT.normalize(text.substring(offsets.get(i)[0], offsets.get(i)[1]));
				}
				return exactMade[i];
			}

			@Override
			public int size() {
				return exactMade.length;
			}
		};
		boolean[] matched = new boolean[folded.size()];
		for (var m : phrases.scan(exact, folded)) {
			for (int i = m.start(); i < m.start() + m.length(); i++) {
				matched[i] = true;
			}
		}
		List<Span> spans = new ArrayList<>();
		for (int i = 0; i < folded.size(); i++) {
			String f = folded.get(i);
			if (matched[i] || words.contains(f) || fuzzyMatch(f)) {
				spans.add(new Span(offsets.get(i)[0], offsets.get(i)[1], f));
			}
		}
		return new Marked(text, spans);
	}
}
