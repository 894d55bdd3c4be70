package vn.ideabank.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import jakarta.persistence.EntityManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaBackdating;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaDuplicates;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitView;

/**
 * The year's ideas: entered in the months so far (in order, so codes grow with dates), each taken
 * through the lifecycle by the account that would take each step, then backdated to its month
 * ({@link IdeaBackdating}). Recent ideas stay early in their life; two are marked duplicates.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
class DemoIdeas {

	/** Where an idea is entered, by whom, and who endorses it (the unit's officer; the office for units without one). */
	record Place(UnitView unit, String name, Caller entersBy, Caller local) {
	}

	record Made(long id, String code, long unitId, String unitPath, IdeaStatus status) {
	}

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The statuses an idea is taken to, with their weights (of 100). */
	private static final List<Object[]> MIX = List.of(new Object[] { IdeaStatus.DRAFT, 7 }, new Object[] { IdeaStatus.SUBMITTED, 11 },
			new Object[] { IdeaStatus.ENDORSED, 11 }, new Object[] { IdeaStatus.UNDER_REVIEW, 11 },
			new Object[] { IdeaStatus.NEEDS_REVISION, 6 }, new Object[] { IdeaStatus.ACCEPTED, 15 },
			new Object[] { IdeaStatus.REJECTED, 8 }, new Object[] { IdeaStatus.APPLIED, 16 }, new Object[] { IdeaStatus.RECOGNISED, 10 },
			new Object[] { IdeaStatus.WITHDRAWN, 5 });

	private static final List<TargetGroup> GROUPS = List.of(TargetGroup.RURAL_YOUTH, TargetGroup.RURAL_YOUTH, TargetGroup.PUPIL,
			TargetGroup.YOUNG_OFFICIAL, TargetGroup.YOUNG_WORKER, TargetGroup.ENTREPRENEUR, TargetGroup.STUDENT);

	private static final IdeaKind[] KINDS = { IdeaKind.IDEA, IdeaKind.IDEA, IdeaKind.IDEA, IdeaKind.INITIATIVE, IdeaKind.SOLUTION,
			IdeaKind.MODEL, IdeaKind.STARTUP_IDEA };

	private final IdeaService ideas;

	private final IdeaDuplicates duplicates;

	private final IdeaBackdating backdating;

	private final EntityManager entityManager;

	DemoIdeas(IdeaService ideas, IdeaDuplicates duplicates, IdeaBackdating backdating, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.ideas = ideas;
		this.duplicates = duplicates;
		this.backdating = backdating;
	}

	/**
	 * {@code count} ideas spread from 1 January to {@code now}; {@code places} are drawn from with
	 * {@code homeShare} of them going to the first {@code homePlaces} (the branches with demo accounts).
	 * {@code memberPlace} (with {@code memberId} as author) gets one idea in twenty, entered by the member.
	 */
	List<Made> generate(Random r, int count, Instant now, List<Place> places, int homePlaces, Place memberPlace, Long memberId,
			Caller office) {
		int year = LocalDate.ofInstant(now, VIETNAM).getYear();
		Instant start = LocalDate.of(year, 1, 2).atStartOfDay(VIETNAM).toInstant();
		// on 1 or 2 January the year is a few hours old: the ideas crowd into the last minutes
		long span = Math.max(60, Duration.between(start, now).minusDays(1).toSeconds());
		start = start.isBefore(now.minusSeconds(span)) ? start : now.minusSeconds(span + 1);
		List<Made> made = new ArrayList<>();
		List<Made> duplicatesOf = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Instant at = start.plusSeconds((long) (span * ((i + r.nextDouble()) / count)));
			long daysOld = Duration.between(at, now).toDays();
			IdeaStatus target = daysOld < 20 ? pick(r, EnumSet.of(IdeaStatus.DRAFT, IdeaStatus.SUBMITTED, IdeaStatus.ENDORSED))
					: daysOld < 45 ? pick(r, EnumSet.of(IdeaStatus.SUBMITTED, IdeaStatus.ENDORSED, IdeaStatus.UNDER_REVIEW,
							IdeaStatus.NEEDS_REVISION)) : mix(r);
			// only an author withdraws: an idea typed in by an officer is not the officer's own
			if (target == IdeaStatus.WITHDRAWN && memberPlace == null) {
				target = IdeaStatus.SUBMITTED;
			}
			boolean byMember = memberPlace != null && (i % 20 == 7 || target == IdeaStatus.WITHDRAWN);
			Place place = byMember ? memberPlace
					: r.nextInt(100) < 35 ? places.get(r.nextInt(homePlaces)) : places.get(homePlaces + r.nextInt(places.size() - homePlaces));
			Caller enters = byMember ? memberPlace.entersBy() : place.entersBy();
			DemoTexts.Text text = DemoTexts.generate(r, place.name());
			List<AuthorRef> authors = byMember ? List.of(new AuthorRef(memberId, null))
					: List.of(new AuthorRef(null, DemoTexts.personName(r)));
			IdeaView idea = ideas.create(enters, new SaveIdea(place.unit().id(), content(r, year, text), authors));
			int steps = 1;
			for (IdeaStep step : path(target, r)) {
				idea = ideas.step(actor(step, idea.status(), enters, place.local(), office), idea.id(), command(step, idea, at, now));
				steps++;
			}
			// a pair of ideas typed in twice, found and marked by the unit ("trùng với …")
			if (i % 150 == 100 && !duplicatesOf.isEmpty()) {
				Made original = duplicatesOf.get(duplicatesOf.size() - 1);
				IdeaView copy = ideas.create(enters, new SaveIdea(place.unit().id(), content(r, year, text), authors));
				copy = ideas.step(enters, copy.id(), TakeStep.of(IdeaStep.SUBMIT, copy.version(), null));
				copy = duplicates.mark(office, copy.id(), original.code(), copy.version());
				backdating.backdate(copy.id(), at.plusSeconds(3600), Duration.ofHours(2));
				made.add(new Made(copy.id(), copy.code(), copy.unitId(), place.unit().path(), copy.status()));
			}
			backdating.backdate(idea.id(), at, stepGap(at, now, steps));
			// everything is flushed; a persistence context holding the whole year would make every flush slower
			entityManager.clear();
			Made m = new Made(idea.id(), idea.code(), idea.unitId(), place.unit().path(), idea.status());
			made.add(m);
			if (m.status() == IdeaStatus.SUBMITTED || m.status() == IdeaStatus.ENDORSED) {
				duplicatesOf.add(m);
			}
		}
		return made;
	}

	/** History entries a few days apart, all of them before now. */
	private static Duration stepGap(Instant at, Instant now, int steps) {
		Duration room = Duration.between(at, now).dividedBy(steps + 1);
		Duration gap = Duration.ofDays(4).plusHours(3);
		return room.compareTo(gap) < 0 ? room : gap;
	}

	private static IdeaContent content(Random r, int year, DemoTexts.Text t) {
		EnumSet<Benefit> benefits = EnumSet.of(Benefit.values()[r.nextInt(Benefit.values().length - 1)]);
		benefits.add(Benefit.values()[r.nextInt(Benefit.values().length - 1)]);
		return new IdeaContent(year, KINDS[r.nextInt(KINDS.length)], t.title(), t.summary(), t.problem(), t.solution(), t.novelty(),
				benefits, t.benefitsOther(), t.scopeWhere(), t.scopeWhen(), t.scopeConditions(), t.area(), t.field(),
				GROUPS.get(r.nextInt(GROUPS.size())), null, r.nextInt(10) == 0);
	}

	/** The steps from a draft to the status, as the table of {@code IdeaLifecycle} allows them. */
	private static List<IdeaStep> path(IdeaStatus target, Random r) {
		List<IdeaStep> review = List.of(IdeaStep.SUBMIT, IdeaStep.ENDORSE, IdeaStep.START_REVIEW);
		return switch (target) {
			case DRAFT -> List.of();
			case SUBMITTED -> List.of(IdeaStep.SUBMIT);
			case ENDORSED -> List.of(IdeaStep.SUBMIT, IdeaStep.ENDORSE);
			case WITHDRAWN -> List.of(IdeaStep.SUBMIT, IdeaStep.WITHDRAW);
			case NEEDS_REVISION -> r.nextBoolean() ? List.of(IdeaStep.SUBMIT, IdeaStep.REQUEST_REVISION)
					: concat(review, IdeaStep.REQUEST_REVISION);
			case UNDER_REVIEW -> review;
			case ACCEPTED -> concat(review, IdeaStep.ACCEPT);
			case REJECTED -> concat(review, IdeaStep.REJECT);
			case APPLIED -> concat(review, IdeaStep.ACCEPT, IdeaStep.MARK_APPLIED);
			case RECOGNISED -> concat(review, IdeaStep.ACCEPT, IdeaStep.MARK_APPLIED, IdeaStep.RECOGNISE);
		};
	}

	private static List<IdeaStep> concat(List<IdeaStep> head, IdeaStep... tail) {
		List<IdeaStep> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

	/** Who takes the step: the author submits or withdraws, the unit endorses and applies, the office reviews. */
	private static Caller actor(IdeaStep step, IdeaStatus from, Caller author, Caller local, Caller office) {
		return switch (step) {
			case SUBMIT, WITHDRAW -> author;
			case ENDORSE, MARK_APPLIED -> local;
			case REQUEST_REVISION -> from == IdeaStatus.SUBMITTED ? local : office;
			default -> office;
		};
	}

	private static TakeStep command(IdeaStep step, IdeaView idea, Instant at, Instant now) {
		return switch (step) {
			case REJECT -> TakeStep.of(step, idea.version(), "Ý tưởng chưa có tính mới so với các mô hình đã triển khai trên địa bàn.");
			case REQUEST_REVISION -> TakeStep.of(step, idea.version(),
					"Đề nghị bổ sung kinh phí dự kiến và cách đo hiệu quả sau khi áp dụng.");
			case MARK_APPLIED -> {
				LocalDate since = LocalDate.ofInstant(at.plus(Duration.between(at, now).dividedBy(2)), VIETNAM);
				yield new TakeStep(step, idea.version(), null, idea.scopeWhere(), since,
						"Đã áp dụng tại địa phương, được người dân và đoàn viên hưởng ứng.");
			}
			default -> TakeStep.of(step, idea.version(), null);
		};
	}

	private static IdeaStatus mix(Random r) {
		int n = r.nextInt(100);
		for (Object[] w : MIX) {
			n -= (Integer) w[1];
			if (n < 0) {
				return (IdeaStatus) w[0];
			}
		}
		return IdeaStatus.SUBMITTED;
	}

	private static IdeaStatus pick(Random r, EnumSet<IdeaStatus> from) {
		List<IdeaStatus> list = List.copyOf(from);
		return list.get(r.nextInt(list.size()));
	}
}
