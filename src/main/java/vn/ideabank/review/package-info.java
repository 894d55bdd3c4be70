/**
 * Evaluation of ideas: rubrics (versioned criteria), evaluation councils, reviewer assignment with
 * conflict-of-interest rules, scores with their history, aggregation and council decisions, and the
 * yearly list of models applied effectively.
 * Public surface: {@link vn.ideabank.review.RubricService}, {@link vn.ideabank.review.ScoreAggregation},
 * {@link vn.ideabank.review.ReviewService} and the events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation", allowedDependencies = { "account", "common", "idea", "org", "search" })
package vn.ideabank.review;
