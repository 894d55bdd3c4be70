/**
 * Annual plans with targets, their allocation down the unit tree, progress computed from records
 * (never typed in), dashboards, the creativity criterion, and list exports.
 * Public surface: {@link vn.ideabank.target.TargetService}, {@link vn.ideabank.target.ProgressService},
 * the SPIs {@link vn.ideabank.target.TargetCounter} and {@link vn.ideabank.target.CriterionInput}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets and dashboards")
package vn.ideabank.target;
