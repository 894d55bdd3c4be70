/**
 * Quotas (chỉ tiêu): annual plans with targets, their allocation down the unit tree, progress computed from records
 * (never typed in), dashboards, the creativity criterion, and list exports.
 * Public surface: {@link vn.ideabank.quota.TargetService}, {@link vn.ideabank.quota.ProgressService},
 * the SPIs {@link vn.ideabank.quota.TargetCounter} and {@link vn.ideabank.quota.CriterionInput}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quotas (targets) and dashboards", allowedDependencies = { "common", "idea", "member", "org" })
package vn.ideabank.quota;
