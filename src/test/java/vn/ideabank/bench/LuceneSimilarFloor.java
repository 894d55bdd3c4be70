package vn.ideabank.bench;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;

import vn.ideabank.member.TargetGroup;
import vn.ideabank.search.VietnameseAnalysis;

/**
 * The floor of similar ideas: Lucene's own "more like this" (the textbook raw Lucene way to find documents like a
 * text) over the combined folded field, for the same generated title and description the similar-ideas scenario
 * posts, top 20. It keeps the 25 words of highest TF-IDF and asks them as one disjunction; unlike the app it reads
 * no stored text, rescores nothing and has no near-copy or rare-word pass, so its recall at a million ideas is the
 * word pass's alone (see docs/performance.md). The query is built on each call: analysing the text is part of the job.
 */
final class LuceneSimilarFloor implements Scenarios.Scenario {

	private static final Analyzer ANALYZER = VietnameseAnalysis.folded();

	private final Path indexRoot;

	private IndexSearcher searcher;

	private String field;

	LuceneSimilarFloor(Path indexRoot) {
		this.indexRoot = indexRoot;
	}

	@Override
	public String name() {
		return "lucene-similar";
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
		LuceneFloor.AppIndex index = LuceneFloor.AppIndex.open(indexRoot);
		if (index == null) {
			return "no Lucene index under " + indexRoot.toAbsolutePath() + " (--index-dir)";
		}
		searcher = index.searcher();
		field = index.field();
		System.out.printf("lucene-similar: index %s, more-like-this on %s%n", index.path(), field);
		return null;
	}

	@Override
	public void call(Context ctx, int client, SplittableRandom r) throws Exception {
		IdeaTexts.Text t = IdeaTexts.generate(r, "xã Thọ Dân", TargetGroup.RURAL_YOUTH);
		MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
		mlt.setAnalyzer(ANALYZER);
		mlt.setFieldNames(new String[] { field });
		mlt.setMinDocFreq(1);
		mlt.setMinTermFreq(1);
		String text = t.title() + "\n" + t.title() + "\n" + t.summary() + " " + t.solution();
		searcher.search(mlt.like(field, new StringReader(text)), 20);
	}
}
