package vn.ideabank.initiative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.initiative.InitiativeCommands.RecordMeeting;
import vn.ideabank.initiative.InitiativeStore.Present;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.Attendee;
import vn.ideabank.initiative.InitiativeViews.Meeting;
import vn.ideabank.initiative.InitiativeViews.Minutes;
import vn.ideabank.initiative.InitiativeViews.Score;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.ReviewViews.MemberView;
import vn.ideabank.review.ReviewViews.ResultView;

/**
 * The council's meeting on an application, as the minutes (Biên bản họp hội đồng sáng kiến) record it: which of the
 * council's members were present — not the same as its membership — who chaired and who took the minutes. The office
 * records it until the decision; when it has not, the minutes list the members who scored the initiative.
 */
@Service
public class InitiativeMeeting {

	static final String CHAIR = "CHAIR", SECRETARY = "SECRETARY", MEMBER = "MEMBER";

	private final InitiativeStore store;

	private final InitiativeAccess access;

	private final InitiativeProcedure procedure;

	private final ReviewService reviews;

	InitiativeMeeting(InitiativeStore store, InitiativeAccess access, InitiativeProcedure procedure, ReviewService reviews) {
		this.store = store;
		this.access = access;
		this.procedure = procedure;
		this.reviews = reviews;
	}

	/** The council's members with who was present (recorded, or by default those who scored): the office only. */
	public Meeting meeting(Caller caller, long id) {
		Row row = access.managed(caller, id);
		if (row.councilId() == null) {
			throw new BusinessException("initiative.meeting.noCouncil");
		}
		List<MemberView> members = reviews.members(caller, row.councilId());
		List<Present> recorded = store.meeting(id);
		Optional<ResultView> result = procedure.result(caller, row);
		Set<Long> scored = result.map(InitiativeMeeting::scorersOf).orElse(Set.of());
		String vote = result.map(r -> r.item().decision()).filter(d -> !Decision.REQUEST_REVISION.name().equals(d)).orElse(null);
		Set<Long> present = recorded.isEmpty() ? scored
				: recorded.stream().map(Present::accountId).collect(Collectors.toSet());
		List<Attendee> attendees = members.stream()
			.map(m -> new Attendee(m.accountId(), m.displayName(), present.contains(m.accountId()), scored.contains(m.accountId())))
			.toList();
		return new Meeting(id, attendees, part(recorded, CHAIR).map(Present::accountId).orElse(null),
				part(recorded, SECRETARY).map(Present::accountId).orElse(null), !recorded.isEmpty(), vote, row.version());
	}

	/**
	 * Records who was present (council members only, at least one), the chair and the secretary (each among those
	 * present, not the same person). Only while the application waits for its decision: the decision rests on the
	 * minutes as they stood.
	 */
	@Transactional
	public Meeting record(Caller caller, long id, RecordMeeting c) {
		Row row = access.managed(caller, id);
		if (row.councilId() == null) {
			throw new BusinessException("initiative.meeting.noCouncil");
		}
		if (row.status() != Status.ACCEPTED) {
			throw new BusinessException("initiative.meeting.closed");
		}
		Set<Long> chosen = c.present() == null ? Set.of()
				: c.present().stream().filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
		if (chosen.isEmpty()) {
			throw new BusinessException("present", "initiative.meeting.nobody");
		}
		Map<Long, MemberView> members = reviews.members(caller, row.councilId()).stream()
			.collect(Collectors.toMap(MemberView::accountId, Function.identity(), (a, b) -> a));
		if (!members.keySet().containsAll(chosen)) {
			throw new BusinessException("present", "initiative.meeting.notMember");
		}
		if (c.chairId() != null && !chosen.contains(c.chairId())) {
			throw new BusinessException("chairId", "initiative.meeting.chairAbsent");
		}
		if (c.secretaryId() != null && !chosen.contains(c.secretaryId())) {
			throw new BusinessException("secretaryId", "initiative.meeting.secretaryAbsent");
		}
		if (c.chairId() != null && c.chairId().equals(c.secretaryId())) {
			throw new BusinessException("secretaryId", "initiative.meeting.sameSecretary");
		}
		List<Present> present = new ArrayList<>();
		for (long accountId : chosen) {
			String part = c.chairId() != null && c.chairId() == accountId ? CHAIR
					: c.secretaryId() != null && c.secretaryId() == accountId ? SECRETARY : MEMBER;
			present.add(new Present(accountId, members.get(accountId).displayName(), part));
		}
		store.saveMeeting(id, c.version(), present, caller.accountId());
		return meeting(caller, id);
	}

	/**
	 * What the council minutes print: the members present (chair and secretary first) and absent, the chair and the
	 * secretary, each reviewer's total, the aggregate and the vote.
	 */
	public Minutes minutes(Caller caller, long id) {
		Row row = access.managed(caller, id);
		ResultView vote = procedure.vote(caller, row).orElseThrow(() -> new BusinessException("initiative.decide.noVote"));
		CouncilView council = reviews.council(caller, row.councilId());
		List<MemberView> members = reviews.members(caller, row.councilId());
		List<Present> recorded = store.meeting(id);
		List<String> present;
		Set<Long> presentIds = new HashSet<>();
		if (recorded.isEmpty()) {
			Set<Long> scored = scorersOf(vote);
			present = members.stream().filter(m -> scored.contains(m.accountId())).map(MemberView::displayName).toList();
			presentIds.addAll(scored);
		}
		else {
			present = recorded.stream().map(Present::displayName).toList();
			recorded.forEach(p -> presentIds.add(p.accountId()));
		}
		List<String> absent = members.stream().filter(m -> !presentIds.contains(m.accountId())).map(MemberView::displayName)
			.toList();
		List<Score> scores = vote.assigned().stream().map(a -> new Score(a.displayName(), a.total())).toList();
		return new Minutes(council.name(), present, absent, part(recorded, CHAIR).map(Present::displayName).orElse(null),
				part(recorded, SECRETARY).map(Present::displayName).orElse(null), scores, vote.aggregate(),
				vote.item().decision(), vote.item().decisionReason(), vote.item().decidedAt());
	}

	private static Set<Long> scorersOf(ResultView result) {
		return result.assigned().stream().filter(a -> a.total() != null).map(a -> a.reviewerId()).collect(Collectors.toSet());
	}

	private static Optional<Present> part(List<Present> recorded, String part) {
		return recorded.stream().filter(p -> p.part().equals(part)).findFirst();
	}
}
