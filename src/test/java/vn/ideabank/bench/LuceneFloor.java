package vn.ideabank.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import vn.ideabank.search.VietnameseAnalysis;

/**
 * The floor of search and similar ideas: the best-practice raw Lucene query on the index the app writes
 * (opened read-only once): the query's folded words required on the one combined folded field
 * ({@code all_folded}; {@code text_folded} on an index from before it existed) with the app's rule for long
 * queries, top 20, Lucene's default total-hit threshold (1,000). The 15 queries are built once; a call is one
 * {@code IndexSearcher.search} (the earlier floor, a disjunction over every field built by reflection on each
 * call, was slowed 2–8× by the reflection at 20 clients and matched other ideas than the app).
 */
final class LuceneFloor implements Scenarios.Scenario {

	private final Path indexRoot;

	private IndexSearcher searcher;

	private Query[] queries;

	LuceneFloor(Path indexRoot) {
		this.indexRoot = indexRoot;
	}

	@Override
	public String name() {
		return "lucene-query";
	}

	@Override
	public String floor() {
		return null;
	}

	@Override
	public boolean inProcess() {
		return true;
	}

	@Override
	public String setUp(Context ctx, int clients) throws Exception {
		AppIndex index = AppIndex.open(indexRoot);
		if (index == null) {
			return "no Lucene index under " + indexRoot.toAbsolutePath() + " (--index-dir)";
		}
		searcher = index.searcher();
		String field = index.field();
		queries = new Query[Scenarios.QUERIES.length];
		for (int i = 0; i < queries.length; i++) {
			queries[i] = required(field, VietnameseAnalysis.foldedTokens(Scenarios.QUERIES[i]).stream().distinct().toList());
		}
		System.out.printf("lucene-query: index %s, words required on %s%n", index.path(), field);
		return null;
	}

	/** As the app's first pass (search.IdeaQueries.required): all of up to 3 words, all but one of 4–6, 80 % beyond. */
	static Query required(String field, List<String> words) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		words.forEach(w -> b.add(new TermQuery(new Term(field, w)), Occur.SHOULD));
		int n = words.size();
		return b.setMinimumNumberShouldMatch(n <= 3 ? n : n <= 6 ? n - 1 : (int) Math.ceil(n * 0.8)).build();
	}

	@Override
	public void call(Context ctx, int client, SplittableRandom r) throws Exception {
		searcher.search(queries[r.nextInt(queries.length)], 20);
	}

	/** The index the app writes, opened read-only, and the one combined folded field ({@code text_folded} before it existed). */
	record AppIndex(Path path, IndexSearcher searcher, String field) {

		/** Null when there is no Lucene commit under {@code root}. */
		static AppIndex open(Path root) throws java.io.IOException {
			Path index = Scenarios.findIndex(root);
			if (index == null) {
				return null;
			}
			DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
			String field = FieldInfos.getIndexedFields(reader).contains("all_folded") ? "all_folded" : "text_folded";
			return new AppIndex(index, new IndexSearcher(reader), field);
		}
	}
}
