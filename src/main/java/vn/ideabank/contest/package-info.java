/**
 * Contests (hội thi): organised by an office, entries nominated by units within a quota and checked for
 * eligibility, award tiers, published results and verifiable PDF certificates.
 * Public surface: {@link vn.ideabank.contest.ContestService}, {@link vn.ideabank.contest.ContestCertificates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contests", allowedDependencies = { "account", "common", "idea", "member", "org", "quota", "review" })
package vn.ideabank.contest;
