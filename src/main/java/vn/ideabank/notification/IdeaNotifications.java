package vn.ideabank.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStatusChanged;
import vn.ideabank.idea.IdeaStepsTaken;
import vn.ideabank.notification.NotificationService.Delivery;

/**
 * An idea's hand-offs, written like {@link NotificationListeners} (see docs/notifications.md). A submitted idea
 * goes to the officers who endorse it (grouped per unit: "5 ý tưởng mới cần xác nhận"); a decision on it goes to
 * its authors, naming it and carrying the reason (grouped per status, so a bulk step on 1,000 ideas leaves one
 * unread notice per person). The actor is never told of their own step. One step ({@link IdeaStatusChanged})
 * and a bulk step's batch ({@link IdeaStepsTaken}) go the same way; a batch costs a few queries, not a few per idea.
 */
@Component
class IdeaNotifications {

	/** Steps whose outcome the authors act on or wait for; submitting and withdrawing are their own acts. */
	private static final Set<IdeaStatus> TOLD_TO_AUTHORS = EnumSet.of(IdeaStatus.ENDORSED, IdeaStatus.UNDER_REVIEW,
			IdeaStatus.NEEDS_REVISION, IdeaStatus.ACCEPTED, IdeaStatus.REJECTED, IdeaStatus.APPLIED, IdeaStatus.RECOGNISED);

	private final NotificationService notifications;

	private final IdeaService ideas;

	private final Officers officers;

	IdeaNotifications(NotificationService notifications, IdeaService ideas, Officers officers) {
		this.notifications = notifications;
		this.ideas = ideas;
		this.officers = officers;
	}

	@ApplicationModuleListener
	void on(IdeaStatusChanged event) {
		tell(List.of(event));
	}

	@ApplicationModuleListener
	void on(IdeaStepsTaken event) {
		tell(event.each());
	}

	/** The notices of the steps, in their order: officers looked up once per unit, authors once for all ideas. */
	private void tell(List<IdeaStatusChanged> changes) {
		Map<Long, Optional<Officers.UnitOfficers>> officersOf = new HashMap<>();
		List<Long> decided = changes.stream().filter(e -> TOLD_TO_AUTHORS.contains(e.to())).map(IdeaStatusChanged::ideaId).toList();
		Map<Long, Set<Long>> authorsOf = decided.isEmpty() ? Map.of() : ideas.authorAccountIds(decided);
		List<Delivery> deliveries = new ArrayList<>();
		for (IdeaStatusChanged event : changes) {
			String title = event.title() == null ? "" : event.title();
			if (event.to() == IdeaStatus.SUBMITTED) {
				officersOf.computeIfAbsent(event.unitId(), officers::nearest).ifPresent(unit -> {
					Set<Long> recipients = new LinkedHashSet<>(unit.accountIds());
					recipients.remove(event.actorId());
					deliveries.add(new Delivery(recipients, Notice.single(NotificationKind.UNIT_WORK, "notification.idea.submitted",
							List.of(event.code(), title), "/ideas/" + event.ideaId())
						.groupedAs("idea-submitted:" + unit.unitId(), "notification.idea.submitted.group", List.of(),
								"/ideas?unit=" + unit.unitId() + "&status=SUBMITTED")));
				});
			}
			if (TOLD_TO_AUTHORS.contains(event.to())) {
				Set<Long> authors = new LinkedHashSet<>(authorsOf.getOrDefault(event.ideaId(), Set.of()));
				authors.remove(event.actorId());
				String reason = event.reason() == null ? "" : event.reason();
				String key = "notification.idea." + event.to().name() + (reason.isEmpty() ? "" : ".reason");
				deliveries.add(new Delivery(authors, Notice.single(NotificationKind.IDEA_STATUS, key,
						List.of(event.code(), title, reason), "/ideas/" + event.ideaId())
					.groupedAs("idea-status:" + event.to().name(), "notification.idea.group",
							List.of(NotificationService.MESSAGE_ARG + event.to().messageKey()),
							"/ideas?mine=true&status=" + event.to().name())));
			}
		}
		notifications.notifyAll(deliveries);
	}
}
