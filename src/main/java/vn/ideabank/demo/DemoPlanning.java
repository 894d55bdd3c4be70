package vn.ideabank.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetCommands.SaveTarget;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetService;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.TargetView;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportCommands.WriteReport;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportView;
import vn.ideabank.report.ReportingPeriod;

/**
 * The planning side of the demo year: the district's year plan with its targets split among the
 * communes (and the two demo communes' shares among their branches), the quarterly reports of the
 * communes with officers, and a plan request for next year.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
class DemoPlanning {

	/** Targets a district of this size can reach with the demo's few hundred ideas, so the dashboard shows real progress. */
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final long IDEAS_TARGET = 340;

	private static final long MODELS_TARGET = 90;

	private final TargetService targets;

	private final ReportService reports;

	private final PlanService plans;

	DemoPlanning(TargetService targets, ReportService reports, PlanService plans) {
		this.targets = targets;
		this.reports = reports;
		this.plans = plans;
	}

	/** The year plan of the district, its ideas and models targets allocated by member counts, twice down. */
	long yearPlan(UnitView district, List<UnitView> communesWithBranches, int year, Caller office) {
		PlanView plan = targets.createPlan(office, district.id(), year);
		for (TargetView t : plan.targets()) {
			long amount = switch (t.kind()) {
				case IDEAS_PROPOSED -> IDEAS_TARGET;
				case MODELS_APPLIED -> MODELS_TARGET;
				default -> -1;
			};
			if (amount < 0) {
				continue;
			}
			TargetView saved = targets.saveTarget(office, plan.id(), t.id(),
					new SaveTarget(t.kind(), null, null, amount, null, "Điều chỉnh theo Nghị quyết Ban Chấp hành Huyện đoàn"), t.version());
			var split = targets.allocateByMembers(office, saved.id(), district.id(), "Phân bổ theo số đoàn viên",
					saved.version());
			for (UnitView commune : communesWithBranches) {
				targets.allocateByMembers(office, saved.id(), commune.id(), "Phân bổ cho các chi đoàn",
						targets.split(office, saved.id(), commune.id()).target().version());
			}
			if (split.parts().isEmpty()) {
				throw new IllegalStateException("the district has no communes to allocate to");
			}
		}
		return plan.id();
	}

	/**
	 * Each commune's reports for the quarters already over (at most the first three), written and
	 * submitted by its officer a week after the quarter (on {@link DemoClock}: a past quarter's period
	 * closes a month after its end); the office returns the last one of the last commune with a comment.
	 * Returns how many reports were made.
	 */
	int quarterlyReports(List<UnitView> communes, List<Caller> officers, int year, LocalDate today, Caller office) {
		int made = 0;
		ReportView last = null;
		for (int q = 1; q <= 3; q++) {
			ReportingPeriod period = new ReportingPeriod(PeriodKind.QUY, year, q);
			if (!period.lastDay().isBefore(today)) {
				break;
			}
			for (int c = 0; c < communes.size(); c++) {
				LocalDate day = period.lastDay().plusDays(5 + 2L * c);
				Instant at = (day.isBefore(today) ? day : today).atTime(9, 30).atZone(VIETNAM).toInstant();
				int quarter = q;
				UnitView commune = communes.get(c);
				Caller officer = officers.get(c);
				last = DemoClock.at(at, () -> writeAndSubmit(officer, commune, period, quarter));
				made++;
			}
		}
		if (last != null) {
			ReportView returned = last;
			DemoClock.at(returned.submittedAt().plus(Duration.ofDays(2)).isBefore(Instant.now())
					? returned.submittedAt().plus(Duration.ofDays(2)) : Instant.now(),
					() -> reports.returnForRevision(office, returned.id(), returned.version(),
							"Đề nghị bổ sung số liệu mô hình đã áp dụng và ý kiến của các chi đoàn trường học."));
		}
		return made;
	}

	private ReportView writeAndSubmit(Caller officer, UnitView commune, ReportingPeriod period, int q) {
		ReportView report = reports.open(officer, commune.id(), period);
		report = reports.write(officer, report.id(), new WriteReport(report.version(),
				"Trong quý %d, %s phát động phong trào ý tưởng sáng tạo đến các chi đoàn; đoàn viên gửi ý tưởng qua hệ thống và qua phiếu giấy."
					.formatted(q, commune.name()),
				"Mô hình phân loại rác tại nguồn và gian hàng trực tuyến cho sản phẩm OCOP được nhân rộng.",
				"Một số chi đoàn thôn còn lúng túng khi hướng dẫn đoàn viên viết ý tưởng.",
				"Đề nghị Huyện đoàn mở lớp tập huấn viết và thẩm định ý tưởng cho bí thư chi đoàn.",
				"%d-BC/ĐTN".formatted(10 + q), "Bí thư Đoàn xã", commune.name().replace("Đoàn xã ", "")));
		return reports.submit(officer, report.id(), report.version());
	}

	/** The district asks its communes for a plan (from October: next year's); due in two weeks, within this year. */
	long planRequest(UnitView district, int year, LocalDate today, Caller office) {
		LocalDate deadline = today.plusDays(14).getYear() > year ? LocalDate.of(year, 12, 31) : today.plusDays(14);
		int planYear = today.getMonthValue() >= 10 ? year + 1 : year;
		return plans.create(office, new CreatePlanRequest(district.id(),
				"Kế hoạch triển khai phong trào ý tưởng sáng tạo năm " + planYear, planYear, deadline,
				"Các đơn vị xây dựng kế hoạch theo hướng dẫn, gửi bản có chữ ký và đóng dấu.", List.of()), null).id();
	}
}
