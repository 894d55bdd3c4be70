package vn.ideabank.notification;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.ideabank.contest.ContestEvents.ContestOpened;
import vn.ideabank.contest.ContestEvents.NominationsClosingSoon;
import vn.ideabank.contest.ContestEvents.ResultsPublished;
import vn.ideabank.report.ReportEvents.PlanRequested;
import vn.ideabank.report.ReportEvents.ReportReturned;

/**
 * Work handed to units by the level above: a plan request, a report sent back with its comment, a contest
 * opened to them, its nominations closing, its results published. Each goes to the officers bound to the
 * units concerned ({@link Officers#of}), never to the actor nor to other units. Written like
 * {@link NotificationListeners} (see docs/notifications.md).
 */
@Component
class UnitWorkNotifications {

	private final NotificationService notifications;

	private final Officers officers;

	UnitWorkNotifications(NotificationService notifications, Officers officers) {
		this.notifications = notifications;
		this.officers = officers;
	}

	/** Each addressed unit's officers, with the link to their unit's page of the request. */
	@ApplicationModuleListener
	void on(PlanRequested event) {
		for (long unit : event.unitIds()) {
			notifications.notify(officers.of(List.of(unit), event.actorId()), NotificationKind.UNIT_WORK,
					"notification.plan.requested",
					List.of(event.title(), Integer.toString(event.year()), event.deadline().toString()),
					"/reports/plans/" + event.requestId() + "/units/" + unit);
		}
	}

	@ApplicationModuleListener
	void on(ReportReturned event) {
		notifications.notify(officers.of(List.of(event.unitId()), event.actorId()), NotificationKind.UNIT_WORK,
				"notification.report.returned",
				List.of(NotificationService.message(event.periodKey(), event.periodArgs()), event.comment()),
				"/reports/periodic/" + event.reportId());
	}

	@ApplicationModuleListener
	void on(ContestOpened event) {
		notifications.notify(officers.of(event.audienceUnitIds(), -1), NotificationKind.CONTEST, "notification.contest.opened",
				List.of(event.name(), event.nominationCloses().toString()), "/contests/" + event.contestId());
	}

	@ApplicationModuleListener
	void on(NominationsClosingSoon event) {
		notifications.notify(officers.of(event.audienceUnitIds(), -1), NotificationKind.CONTEST, "notification.contest.closing",
				List.of(event.name(), event.nominationCloses().toString()), "/contests/" + event.contestId());
	}

	@ApplicationModuleListener
	void on(ResultsPublished event) {
		notifications.notify(officers.of(event.nominatingUnitIds(), -1), NotificationKind.CONTEST,
				"notification.contest.results", List.of(event.name()), "/contests/" + event.contestId());
	}
}
