/**
 * The demo year: with {@code IDEABANK_DEMO=true} ({@code ideabank.seed.demo-year}), a lived-in current year for the
 * Triệu Sơn demo tree — ideas in every status, a year plan with its allocations, a council part-way through
 * scoring, a contest with a round being judged, quarterly reports and a plan request — made through the other
 * modules' facades as the demo accounts, so history, codes, events, counts and the search index are real.
 * Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo year", allowedDependencies = { "common", "org", "account",
		"member", "idea", "quota", "review", "contest", "report" })
package vn.ideabank.demo;
