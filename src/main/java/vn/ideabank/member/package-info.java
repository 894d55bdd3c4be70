/**
 * The roster of members (đoàn viên, thanh niên, thiếu nhi) per unit, with or without a login,
 * searchable by subtree, imported from and exported to .xlsx.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members", allowedDependencies = { "account", "common", "org" })
package vn.ideabank.member;
