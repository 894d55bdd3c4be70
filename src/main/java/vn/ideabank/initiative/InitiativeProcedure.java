package vn.ideabank.initiative;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.ConfirmPriority;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.Return;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.PriorityCandidate;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.ReviewViews.ResultView;
import vn.ideabank.search.SearchService;
import vn.ideabank.search.SimilarIdea;

/**
 * The office's side of the procedure (Nghị định 13/2012, Điều 9–10): intake into the register with the receipt's
 * due date, return for completion, the council, the decision after the council's vote, priority between two
 * filings of the same solution.
 */
@Service
public class InitiativeProcedure {

	private final InitiativeStore store;

	private final InitiativeAccess access;

	private final InitiativeService applications;

	private final IdeaService ideas;

	private final ReviewService reviews;

	private final SearchService search;

	private final int decisionMonths;

	private final double sameSolutionScore;

	InitiativeProcedure(InitiativeStore store, InitiativeAccess access, InitiativeService applications, IdeaService ideas,
			ReviewService reviews, SearchService search, @Value("${ideabank.initiative.decision-months:3}") int decisionMonths,
			@Value("${ideabank.initiative.same-solution-score:0.5}") double sameSolutionScore) {
		this.store = store;
		this.access = access;
		this.applications = applications;
		this.ideas = ideas;
		this.reviews = reviews;
		this.search = search;
		this.decisionMonths = decisionMonths;
		this.sameSolutionScore = sameSolutionScore;
	}

	/**
	 * Takes a filed application in: a register number of the receiving office for the year (kept when a returned
	 * application comes back), and the decision clock restarted from today (the date of a complete application).
	 */
	@Transactional
	public ApplicationView register(Caller caller, long id, Register c) {
		Row row = access.managed(caller, id);
		if (row.status() != Status.FILED) {
			throw new BusinessException("initiative.register.notFiled");
		}
		LocalDate today = access.today();
		LocalDate received = c.receivedOn() == null ? today : c.receivedOn();
		if (received.isAfter(today)) {
			throw new BusinessException("receivedOn", "initiative.receivedOn.future");
		}
		LocalDate due = today.plusMonths(decisionMonths);
		if (c.dueOn() != null) {
			if (c.dueOn().isBefore(today)) {
				throw new BusinessException("dueOn", "initiative.dueOn.past");
			}
			if (c.dueOn().isAfter(due)) {
				throw new BusinessException("dueOn", "initiative.dueOn.tooLate", decisionMonths);
			}
			due = c.dueOn();
		}
		if (row.registerNo() == null) {
			long unit = receivingUnit(caller, row);
			int no = store.nextRegisterNo(unit, received.getYear());
			store.register(id, c.version(), unit, received.getYear(), no, received, today, due);
		}
		else {
			store.accept(id, c.version(), today, due);
		}
		return applications.get(caller, id);
	}

	/** The office over the application's unit that keeps the register: the nearest one the caller works for. */
	private static long receivingUnit(Caller caller, Row row) {
		return caller.grantsFor(Roles.OFFICE).stream().filter(g -> !g.systemWide() && g.covers(row.unitPath()))
			.max(java.util.Comparator.comparingInt(g -> g.unitPath().length())).map(Grant::unitId).orElse(row.unitId());
	}

	/** Sends the application back for completion: the clock stops until it is filed again and taken in. */
	@Transactional
	public ApplicationView returnForCompletion(Caller caller, long id, Return c) {
		Row row = access.managed(caller, id);
		if (row.status() != Status.FILED && row.status() != Status.ACCEPTED) {
			throw new BusinessException("initiative.return.notOpen");
		}
		if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 4000) {
			throw new BusinessException("reason", "initiative.return.reason");
		}
		store.returnForCompletion(id, c.version(), access.today(), c.reason().strip());
		return applications.get(caller, id);
	}

	/** Puts the initiative's idea before an evaluation council (starting its review when only endorsed). */
	@Transactional
	public ApplicationView sendToCouncil(Caller caller, long id, SendToCouncil c) {
		Row row = access.managed(caller, id);
		if (row.status() != Status.ACCEPTED) {
			throw new BusinessException("initiative.council.notAccepted");
		}
		if (c.councilId() == null) {
			throw new BusinessException("councilId", "initiative.council.required");
		}
		IdeaView idea = ideas.get(caller, row.ideaId());
		if (idea.status() == IdeaStatus.ENDORSED) {
			idea = ideas.step(caller, idea.id(), TakeStep.of(IdeaStep.START_REVIEW, idea.version(), null));
		}
		try {
			reviews.addIdea(caller, c.councilId(), idea.id());
		}
		catch (NotFoundException e) {
			throw new BusinessException("councilId", "initiative.council.unknown");
		}
		store.council(id, c.version(), c.councilId());
		return applications.get(caller, id);
	}

	/** The council's results on the initiative's idea (scores so far, and its vote if any), once sent to a council. */
	Optional<ResultView> result(Caller caller, Row row) {
		if (row.councilId() == null) {
			return Optional.empty();
		}
		return reviews.results(caller, row.councilId()).stream().filter(r -> r.item().ideaId() == row.ideaId()).findFirst();
	}

	/** The council's vote on the initiative's idea, if it voted (ACCEPT or REJECT; a revision request is no vote). */
	Optional<ResultView> vote(Caller caller, Row row) {
		return result(caller, row).filter(r -> r.item().decision() != null
				&& !Decision.REQUEST_REVISION.name().equals(r.item().decision()));
	}

	/** The decision after the council voted: recognition (number, reach) when it voted for, or a refusal with reasons. */
	@Transactional
	public ApplicationView decide(Caller caller, long id, Decide c) {
		Row row = access.managed(caller, id);
		if (row.status() != Status.ACCEPTED) {
			throw new BusinessException("initiative.decide.notAccepted");
		}
		ResultView vote = vote(caller, row).orElseThrow(() -> new BusinessException("initiative.decide.noVote"));
		size("decisionNo", c.decisionNo(), 100);
		size("refusalReason", c.refusalReason(), 4000);
		size("signerName", c.signerName(), 200);
		LocalDate on = c.decidedOn() == null ? access.today() : c.decidedOn();
		if (on.isAfter(access.today())) {
			throw new BusinessException("decidedOn", "initiative.decidedOn.future");
		}
		if (row.receivedOn() != null && on.isBefore(row.receivedOn())) {
			throw new BusinessException("decidedOn", "initiative.decidedOn.beforeReceived",
					InitiativeDocuments.day(row.receivedOn()));
		}
		if (c.recognise()) {
			if (!Decision.ACCEPT.name().equals(vote.item().decision())) {
				throw new BusinessException("recognise", "initiative.decide.councilAgainst");
			}
			if (c.reach() == null) {
				throw new BusinessException("reach", "initiative.reach.required");
			}
			if (c.decisionNo() == null || c.decisionNo().isBlank()) {
				throw new BusinessException("decisionNo", "initiative.decisionNo.required");
			}
			store.decide(id, c.version(), Status.RECOGNISED, c.reach(), c.decisionNo().strip(), on, null, c.signerName());
		}
		else {
			if (c.refusalReason() == null || c.refusalReason().isBlank()) {
				throw new BusinessException("refusalReason", "initiative.refusal.reason");
			}
			store.decide(id, c.version(), Status.REFUSED, null, c.decisionNo(), on, c.refusalReason().strip(), c.signerName());
		}
		return applications.get(caller, id);
	}

	private static void size(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new BusinessException(field, "initiative.text.tooLong", max);
		}
	}

	/**
	 * The council confirmed that an earlier filing describes the same solution: allowed only when the similar-ideas
	 * score of the two is at least the configured level; the later one is flagged, the earlier keeps priority.
	 */
	@Transactional
	public ApplicationView confirmPriority(Caller caller, long id, ConfirmPriority c) {
		Row later = access.managed(caller, id);
		if (c.earlierId() == null || c.earlierId() == id) {
			throw new BusinessException("earlierId", "initiative.priority.same");
		}
		Row earlier;
		try {
			earlier = access.managed(caller, c.earlierId());
		}
		catch (BusinessException e) {
			throw new BusinessException("earlierId", "initiative.priority.unknown");
		}
		if (!earlier.filedAt().isBefore(later.filedAt())) {
			throw new BusinessException("earlierId", "initiative.priority.notEarlier");
		}
		if (!alike(caller, later).containsKey(earlier.ideaId())) {
			throw new BusinessException("earlierId", "initiative.priority.notSimilar");
		}
		store.earlier(id, c.version(), earlier.id());
		return applications.get(caller, id);
	}

	/**
	 * The earlier applications the office may confirm as the same solution: those the caller runs the procedure for,
	 * filed before this one, whose ideas the similar-ideas score links to this one's at or above the configured level,
	 * most similar first.
	 */
	public List<PriorityCandidate> priorityCandidates(Caller caller, long id) {
		Row later = access.managed(caller, id);
		Map<Long, Double> alike = alike(caller, later);
		return store.findByIdeas(alike.keySet()).stream()
			.filter(r -> r.id() != id && r.filedAt().isBefore(later.filedAt()) && caller.can(r.unitPath(), Roles.OFFICE))
			.map(r -> new PriorityCandidate(r.id(), r.ideaCode(), r.title(),
					r.registerNumber(), r.filedAt(), alike.get(r.ideaId())))
			.sorted(Comparator.comparingDouble(PriorityCandidate::similarity).reversed()).toList();
	}

	/** The level of similarity from which two filings may be confirmed as the same solution (0..1). */
	public double sameSolutionScore() {
		return sameSolutionScore;
	}

	/** Ideas the similar-ideas score links to the application's idea at or above the level, with their score. */
	private Map<Long, Double> alike(Caller caller, Row later) {
		IdeaView idea = ideas.get(caller, later.ideaId());
		List<SimilarIdea> similar = search.similar(caller, idea.title(), idea.summary(), idea.id(), 50);
		Map<Long, Double> alike = new LinkedHashMap<>();
		similar.stream().filter(s -> s.similarity() >= sameSolutionScore).forEach(s -> alike.merge(s.id(), s.similarity(), Math::max));
		return alike;
	}
}
