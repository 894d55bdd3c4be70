package vn.ideabank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.lowlevel.common.impl.MetadataFields;
import org.hibernate.search.backend.lucene.search.predicate.impl.LuceneSearchPredicate;
import org.hibernate.search.backend.lucene.search.predicate.impl.PredicateRequestContext;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.orm.scope.SearchScope;

/**
 * Search's first pass and its rescoring in one Lucene searcher, on the embedded index: the first pass keeps the best
 * documents of the required words, Lucene's {@link QueryRescorer} advances the ranking clauses to exactly those
 * documents, and the page's stored fields are read from the same reader. Through Hibernate Search's DSL the
 * rescoring was a second query that found the same ideas again by their ids in every segment and paid the DSL's
 * per-query cost twice (docs/performance.md, "Search: rescoring in one Lucene searcher"); a cluster still runs it
 * that way ({@link SearchService}).
 * <p>
 * The predicates are the ones both backends use, turned into Lucene queries by Hibernate Search itself; that and the
 * id's doc-values field are Hibernate Search internals, pinned by the project's version and checked by
 * {@code LuceneRescoringTests} against the DSL's own answer.
 */
final class LuceneRescoring {

	/** The stored fields of a hit, in the order of {@link SearchService}'s rows after the id. */
	private static final Set<String> STORED = Set.of("code", "title_folded", "unitId", "unitName", "year", "status", "text_folded");

	private LuceneRescoring() {
	}

	/**
	 * Hits {@code from}..{@code from + size} of {@code candidates}: within the best {@code window}, ordered and scored by
	 * the first pass's score plus {@code ranking}'s; past it, by the first pass alone (the order a cluster gives too).
	 */
	static SearchService.Ranked search(SearchScope<?> scope, SearchPredicate candidates, SearchPredicate ranking, int from, int size,
			int window, int exactTotalUpTo) {
		Query first = query(candidates);
		boolean rescored = from + size <= window;
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			IndexSearcher searcher = new IndexSearcher(reader);
			// never more hits than documents: a page far past the last (page 999999999) must not size a queue by it
			int documents = Math.max(1, reader.maxDoc());
			int upTo = (int) Math.min((long) from + size, documents);
			TopDocs top = searcher.search(first,
					new TopScoreDocCollectorManager(rescored ? Math.min(window, documents) : upTo, null, exactTotalUpTo));
			ScoreDoc[] hits = rescored ? QueryRescorer.rescore(searcher, top, query(ranking), 1f, upTo).scoreDocs
					: top.scoreDocs;
			List<List<?>> rows = new ArrayList<>();
			StoredFields stored = searcher.storedFields();
			for (ScoreDoc hit : Arrays.copyOfRange(hits, Math.min(from, hits.length), hits.length)) {
				rows.add(row(reader, stored, hit));
			}
			return new SearchService.Ranked(rows, top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Query query(SearchPredicate predicate) {
		return ((LuceneSearchPredicate) predicate).toQuery(PredicateRequestContext.withoutSession());
	}

	private static List<?> row(IndexReader reader, StoredFields stored, ScoreDoc hit) throws IOException {
		Document doc = stored.document(hit.doc, STORED);
		return Arrays.asList(id(reader, hit.doc), doc.get("code"), doc.get("title_folded"),
				number(doc, "unitId").longValue(), doc.get("unitName"), number(doc, "year").intValue(), doc.get("status"), hit.score,
				doc.get("text_folded"));
	}

	private static Number number(Document doc, String field) {
		return doc.getField(field).numericValue();
	}

	/** The idea's id, as Hibernate Search keeps it for loading (doc values of its id field). */
	private static Long id(IndexReader reader, int doc) throws IOException {
		List<LeafReaderContext> leaves = reader.leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		BinaryDocValues ids = DocValues.getBinary(leaf.reader(), MetadataFields.idDocValueFieldName());
		if (!ids.advanceExact(doc - leaf.docBase)) {
			throw new IllegalStateException("a document without an id in the search index");
		}
		return Long.valueOf(ids.binaryValue().utf8ToString());
	}
}
