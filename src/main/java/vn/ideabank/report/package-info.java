/**
 * Unit plans asked for by a deadline, periodic reports (month, quarter, six months, year) submitted
 * up the tree and consolidated by the parent in one click, reminders, and the documents (.docx in
 * the layout of Nghị định 30/2020/NĐ-CP, .pdf, .xlsx lists). Public surface:
 * {@link vn.ideabank.report.PlanService}, {@link vn.ideabank.report.ReportService},
 * {@link vn.ideabank.report.ReportDocuments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = { "common", "idea", "member", "org", "quota" })
package vn.ideabank.report;
