package vn.ideabank.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import vn.ideabank.search.VietnameseAnalysis;

/**
 * The CPU of one search's Lucene work in its old and new shape, on the app's index (read-only), measured as the
 * thread's CPU time so a loaded machine changes it less than wall time: {@code old} = per-word disjunctions over
 * title_folded^1.5/text_folded with fuzzy forms on 5+ letters, the ranking clauses (exact ×3, bigrams ×2) scored
 * over every match, the administrator's old visibility filter (a disjunction holding match-all); {@code new} =
 * the words required on all_folded, top 200 ({@code -Dwindow=N}), then the ranking clauses as a rescore of those 200; {@code floor} =
 * the harness's floor (LuceneFloor); {@code first} = the first pass alone (top 200); {@code byids} = the rescoring as a
 * cluster runs it, a second query filtered by the 200 ids (Hibernate Search's id field). Usage: {@code java … QueryShapes
 * <index dir> [rounds] [shapes, comma-separated]}, {@code -DperQuery=true} for each query's median.
 */
final class QueryShapes {

	private static final Analyzer EXACT = VietnameseAnalysis.exact();

	private static final Analyzer BIGRAM = VietnameseAnalysis.bigram();

	public static void main(String[] args) throws Exception {
		Path index = Scenarios.findIndex(Path.of(args[0]));
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			System.out.printf("index %s: %,d documents; %d rounds of %d queries%n", index, reader.numDocs(), rounds, Scenarios.QUERIES.length);
			List<String> shapes = args.length > 2 ? List.of(args[2].split(",")) : List.of("floor", "old", "new");
			for (String shape : java.util.stream.Stream.concat(shapes.stream(), shapes.stream()).toList()) {
				long[] cpu = new long[rounds * Scenarios.QUERIES.length];
				int n = 0;
				ThreadMXBean mx = ManagementFactory.getThreadMXBean();
				for (int r = 0; r < rounds; r++) {
					for (String q : Scenarios.QUERIES) {
						long start = mx.getCurrentThreadCpuTime();
						run(searcher, shape, q);
						cpu[n++] = mx.getCurrentThreadCpuTime() - start;
					}
				}
				if (Boolean.getBoolean("perQuery")) { // each query's median over the rounds
					for (int i = 0; i < Scenarios.QUERIES.length; i++) {
						long[] one = new long[rounds];
						for (int r = 0; r < rounds; r++) {
							one[r] = cpu[r * Scenarios.QUERIES.length + i];
						}
						Arrays.sort(one);
						System.out.printf("  %-6s %-26s %.2f ms%n", shape, Scenarios.QUERIES[i], one[rounds / 2] / 1e6);
					}
				}
				Arrays.sort(cpu);
				System.out.printf("%-6s CPU per query: p50 %.2f ms, p95 %.2f ms, mean %.2f ms%n", shape, cpu[n / 2] / 1e6,
						cpu[(int) (n * 0.95)] / 1e6, Arrays.stream(cpu).average().orElse(0) / 1e6);
			}
		}
	}

	static TopDocs run(IndexSearcher searcher, String shape, String q) throws Exception {
		List<String> words = VietnameseAnalysis.foldedTokens(q).stream().distinct().toList();
		return switch (shape) {
			case "floor" -> searcher.search(LuceneFloor.required("all_folded", words), 20);
			case "old" -> searcher.search(old(q, words), 20);
			case "first" -> searcher.search(LuceneFloor.required("all_folded", words), Integer.getInteger("window", 200));
			case "byids" -> { // the app's rescoring through Hibernate Search: the 200 ids as a filter, the query again
				TopDocs first = searcher.search(LuceneFloor.required("all_folded", words), 200);
				String idField = org.hibernate.search.backend.lucene.lowlevel.common.impl.MetadataFields.idFieldName();
				String dv = org.hibernate.search.backend.lucene.lowlevel.common.impl.MetadataFields.idDocValueFieldName();
				List<org.apache.lucene.util.BytesRef> ids = new java.util.ArrayList<>();
				for (var sd : first.scoreDocs) {
					var leaves = searcher.getIndexReader().leaves();
					var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
					var values = org.apache.lucene.index.DocValues.getBinary(leaf.reader(), dv);
					values.advance(sd.doc - leaf.docBase);
					ids.add(org.apache.lucene.util.BytesRef.deepCopyOf(values.binaryValue()));
				}
				BooleanQuery.Builder b = new BooleanQuery.Builder()
					.add(new org.apache.lucene.search.TermInSetQuery(idField, ids), Occur.FILTER)
					.add(LuceneFloor.required("all_folded", words), Occur.MUST);
				ranking(q, words).clauses().forEach(c -> b.add(c.getQuery(), Occur.SHOULD));
				yield searcher.search(b.build(), 20);
			}
			default -> {
				TopDocs first = searcher.search(LuceneFloor.required("all_folded", words), Integer.getInteger("window", 200));
				yield QueryRescorer.rescore(searcher, first, ranking(q, words), 1f, 20);
			}
		};
	}

	private static int required(int n) {
		return n <= 3 ? n : n <= 6 ? n - 1 : (int) Math.ceil(n * 0.8);
	}

	private static Query old(String q, List<String> words) {
		BooleanQuery.Builder must = new BooleanQuery.Builder();
		for (String w : words) {
			boolean fuzzy = w.length() >= 5 && w.chars().allMatch(Character::isLetter);
			must.add(new BooleanQuery.Builder().add(new BoostQuery(term("title_folded", w, fuzzy), 1.5f), Occur.SHOULD)
				.add(term("text_folded", w, fuzzy), Occur.SHOULD).build(), Occur.SHOULD);
		}
		must.setMinimumNumberShouldMatch(required(words.size()));
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(must.build(), Occur.MUST);
		all.add(new BooleanQuery.Builder().add(new TermQuery(new Term("owner", "1")), Occur.SHOULD)
			.add(new MatchAllDocsQuery(), Occur.SHOULD).build(), Occur.FILTER);
		ranking(q, words).clauses().forEach(c -> all.add(c.getQuery(), Occur.SHOULD));
		return all.build();
	}

	private static Query term(String field, String w, boolean fuzzy) {
		return fuzzy ? new FuzzyQuery(new Term(field, w), 1, 1) : new TermQuery(new Term(field, w));
	}

	/**
	 * The clauses that only rank (as search.IdeaQueries.ranking): words in the title, exact diacritics (×3, all_exact),
	 * folded bigrams (×2).
	 */
	static BooleanQuery ranking(String q, List<String> words) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (String w : words) {
			b.add(new BoostQuery(new TermQuery(new Term("title_folded", w)), 1.5f), Occur.SHOULD);
		}
		BooleanQuery.Builder exact = new BooleanQuery.Builder();
		for (String t : VietnameseAnalysis.tokens(EXACT, q)) {
			exact.add(new TermQuery(new Term("all_exact", t)), Occur.SHOULD);
		}
		b.add(new BoostQuery(exact.build(), 3f), Occur.SHOULD);
		BooleanQuery.Builder bigrams = new BooleanQuery.Builder();
		for (String t : VietnameseAnalysis.tokens(BIGRAM, String.join(" ", words))) {
			bigrams.add(new BoostQuery(new TermQuery(new Term("title_bigram", t)), 2f), Occur.SHOULD);
			bigrams.add(new TermQuery(new Term("text_bigram", t)), Occur.SHOULD);
		}
		b.add(new BoostQuery(bigrams.build(), 2f), Occur.SHOULD);
		return b.build();
	}
}
