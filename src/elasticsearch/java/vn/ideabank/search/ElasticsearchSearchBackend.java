package vn.ideabank.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * Everything specific to the Elasticsearch/OpenSearch backend (built with {@code -Pelasticsearch}): the
 * same three Vietnamese analyzers as {@link LuceneSearchBackend}, declared for the cluster. Needs the
 * cluster's {@code analysis-icu} plugin ({@code icu_tokenizer}, {@code icu_folding}, {@code icu_normalizer}).
 */
public class ElasticsearchSearchBackend implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(VietnameseAnalysis.FOLDED).custom().tokenizer("icu_tokenizer").tokenFilters("icu_folding");
		context.analyzer(VietnameseAnalysis.EXACT).custom().tokenizer("icu_tokenizer").tokenFilters("icu_normalizer");
		context.tokenFilter("vi_shingle").type("shingle").param("min_shingle_size", 2).param("max_shingle_size", 2)
			.param("output_unigrams", false);
		context.analyzer(VietnameseAnalysis.BIGRAM).custom().tokenizer("icu_tokenizer").tokenFilters("icu_folding", "vi_shingle");
		context.tokenFilter("vi_shingle3").type("shingle").param("min_shingle_size", 3).param("max_shingle_size", 3)
			.param("output_unigrams", false);
		context.tokenFilter("vi_min_hash").type("min_hash").param("hash_count", 1).param("bucket_count", 64)
			.param("hash_set_size", 1).param("with_rotation", true);
		context.analyzer(VietnameseAnalysis.SKETCH).custom().tokenizer("icu_tokenizer")
			.tokenFilters("icu_folding", "vi_shingle3", "vi_min_hash");
		context.normalizer(VietnameseAnalysis.KEYWORD).custom().tokenFilters("lowercase");
	}
}
