/**
 * Vietnamese full-text search over ideas and similar-idea detection: the analysis (syllables,
 * diacritics folded, syllable bigrams), the index kept current through a transactional outbox,
 * permission filters inside the query, and reviewers' duplicate judgements.
 * Public surface: {@link vn.ideabank.search.SearchService}, {@link vn.ideabank.search.VietnameseAnalysis}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = { "common", "idea", "member", "org" })
package vn.ideabank.search;
