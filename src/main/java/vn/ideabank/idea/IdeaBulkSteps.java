package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaLifecycle.Actor;

/**
 * One lifecycle step (or another module's {@link IdeaBulkAction}) applied to many ideas: chosen by id
 * or by a list filter, up to {@link #MAX_IDEAS} at a time. Each idea is checked by {@link IdeaSteps},
 * the code path of a single step, so it gets the same refusals and history row. Ideas go in
 * batches of {@link #BATCH} per transaction, loaded in one query with their authors in another, and
 * the accepted ones of a batch are written in one statement by {@link IdeaBulkStore} (one UPDATE, not
 * one per idea: the tally's triggers run per statement) and announced in one {@link IdeaStepsTaken}
 * (what one {@link IdeaStatusChanged} per idea would say). A refused idea is listed and left unchanged
 * while the others of its batch go on; one whose version moved since it was loaded is refused
 * "conflict". Ideas the caller cannot read are refused as the single step would (404/403) and reveal
 * nothing else.
 */
@Service
public class IdeaBulkSteps {

	/** The most ideas one request may change. */
	public static final int MAX_IDEAS = 5_000;

	/** Ideas per transaction, statement and event: each pays the tally triggers' fixed cost once (docs/performance.md). */
	static final int BATCH = 500;

	/** Steps that need data of each idea (the evidence of application) and so are not offered in bulk. */
	public static final Set<IdeaStep> PER_IDEA_ONLY = EnumSet.of(IdeaStep.MARK_APPLIED);

	/** Which ideas: the ids given, or every idea the caller sees under a list filter; exactly one of the two. */
	public record Selection(List<Long> ids, IdeaFilter filter) {

		public static Selection of(List<Long> ids) {
			return new Selection(ids, null);
		}

		public static Selection matching(IdeaFilter filter) {
			return new Selection(null, filter);
		}
	}

	/**
	 * An idea left unchanged: {@code code} says why in a word ("illegal-step", "forbidden", "not-found",
	 * "reason-required", "incomplete", "conflict", …), the message key and arguments in full (the single
	 * step's message); the idea's code and title when the caller may read it, else null.
	 */
	public record Refusal(long id, String code, String messageKey, List<Object> args, String ideaCode, String title) {
	}

	public record Outcome(List<Long> done, List<Refusal> refused) {
	}

	/** What a step would do, without doing it: how many ideas are selected and how many would change. */
	public record Preview(int selected, int willChange) {
	}

	private final IdeaRepository ideas;

	private final IdeaService service;

	private final IdeaSteps steps;

	private final IdeaBulkStore store;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnly;

	private final List<IdeaBulkAction> actions;

	private final ApplicationEventPublisher events;

	IdeaBulkSteps(IdeaRepository ideas, IdeaService service, IdeaSteps steps, IdeaBulkStore store,
			PlatformTransactionManager transactionManager, List<IdeaBulkAction> actions, ApplicationEventPublisher events) {
		this.events = events;
		this.ideas = ideas;
		this.service = service;
		this.steps = steps;
		this.store = store;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.actions = List.copyOf(actions);
	}

	// --- what the caller is offered ------------------------------------------------------------

	/**
	 * The steps worth offering the caller on a list: those the caller may take on some idea as unit
	 * staff or office (as an author only when the list shows their own ideas), from the list's status
	 * when it is filtered by one; never those that need data of each idea.
	 */
	public List<IdeaStep> offeredSteps(Caller caller, IdeaFilter filter) {
		Set<Actor> actors = EnumSet.noneOf(Actor.class);
		if (!caller.grantsFor(Role.UNIT_OFFICER, Role.OFFICE, Role.ADMIN).isEmpty()) {
			actors.add(Actor.UNIT_STAFF);
		}
		if (!caller.grantsFor(Role.OFFICE, Role.ADMIN).isEmpty()) {
			actors.add(Actor.OFFICE);
		}
		if (filter.mine()) {
			actors.add(Actor.AUTHOR);
		}
		return IdeaLifecycle.TRANSITIONS.stream()
			.filter(t -> filter.status() == null || t.from() == filter.status())
			.filter(t -> t.actors().stream().anyMatch(actors::contains))
			.map(IdeaLifecycle.Transition::step)
			.filter(s -> !PER_IDEA_ONLY.contains(s))
			.distinct().toList();
	}

	/** Whether the step needs a reason from every status it leads from (then a bulk request must give one). */
	public static boolean needsReason(IdeaStep step) {
		return IdeaLifecycle.TRANSITIONS.stream().filter(t -> t.step() == step)
			.allMatch(IdeaLifecycle.Transition::reasonRequired);
	}

	/** Other modules' actions, by name, with the targets the caller may choose now. */
	public Map<IdeaBulkAction, List<IdeaBulkAction.Target>> offeredActions(Caller caller) {
		Map<IdeaBulkAction, List<IdeaBulkAction.Target>> offered = new java.util.LinkedHashMap<>();
		for (IdeaBulkAction a : actions) {
			List<IdeaBulkAction.Target> targets = a.targets(caller);
			if (!targets.isEmpty()) {
				offered.put(a, targets);
			}
		}
		return offered;
	}

	// --- choosing the ideas --------------------------------------------------------------------

	/**
	 * The ids of the selection, each once, in the order given (by id under a filter). Refuses (422) an
	 * empty selection, one that gives both ids and a filter, and one of more than {@link #MAX_IDEAS}.
	 */
	public List<Long> resolve(Caller caller, Selection selection) {
		if ((selection.ids() == null) == (selection.filter() == null)) {
			throw new BusinessException("ids", "idea.bulk.error.idsOrFilter");
		}
		if (selection.ids() != null) {
			if (selection.ids().stream().anyMatch(Objects::isNull)) {
				throw new BusinessException("ids", "idea.bulk.error.badId");
			}
			List<Long> ids = List.copyOf(new LinkedHashSet<>(selection.ids()));
			checkSize(ids.size());
			return ids;
		}
		checkSize(count(caller, selection.filter()));
		List<Long> ids = new ArrayList<>();
		service.forEach(caller, selection.filter(), rows -> rows.forEach(r -> ids.add(r.id())));
		checkSize(ids.size()); // ideas entered since the count
		return ids;
	}

	/** How many ideas the caller sees under the filter (what "all N matching" says). */
	public long count(Caller caller, IdeaFilter filter) {
		return service.list(caller, filter, PageRequest.of(0, 1)).getTotalElements();
	}

	private static void checkSize(long size) {
		if (size == 0) {
			throw new BusinessException("ids", "idea.bulk.error.none");
		}
		if (size > MAX_IDEAS) {
			throw new BusinessException("ids", "idea.bulk.error.tooMany", MAX_IDEAS, size);
		}
	}

	// --- lifecycle steps -----------------------------------------------------------------------

	/** Refuses (422) what no idea could accept: a step that needs each idea's data, or a missing reason. */
	public void checkStep(IdeaStep step, String reason) {
		if (step == null) {
			throw new BusinessException("step", "idea.bulk.error.noStep");
		}
		if (PER_IDEA_ONLY.contains(step)) {
			throw new BusinessException("step", "idea.bulk.error.perIdeaStep",
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { step.messageKey() }, step.messageKey()));
		}
		if (needsReason(step) && TextNormalizer.normalizeToNull(reason) == null) {
			throw new BusinessException("reason", "idea.error.reasonRequired");
		}
		if (reason != null && reason.length() > 5000) {
			throw new BusinessException("reason", "idea.bulk.error.reasonTooLong", 5000);
		}
	}

	/** How many of the selected ideas the step would change now; nothing is written. */
	public Preview preview(Caller caller, Selection selection, IdeaStep step, String reason) {
		checkStep(step, reason);
		List<Long> ids = resolve(caller, selection);
		TakeStep command = new TakeStep(step, 0, reason, null, null, null);
		int changing = 0;
		for (List<Long> batch : batches(ids)) {
			changing += readOnly.execute(s -> {
				int n = 0;
				Map<Long, Idea> found = load(batch);
				for (Long id : batch) {
					Idea idea = found.get(id);
					if (idea != null && IdeaAccess.canRead(caller, idea) && passes(() -> steps.check(caller, idea, command, null))) {
						n++;
					}
				}
				return n;
			});
		}
		return new Preview(ids.size(), changing);
	}

	/** Takes the step on every selected idea that allows it; lists the others with the single step's refusal. */
	public Outcome step(Caller caller, Selection selection, IdeaStep step, String reason) {
		checkStep(step, reason);
		List<Long> ids = resolve(caller, selection);
		TakeStep command = new TakeStep(step, 0, reason, null, null, null);
		List<Long> done = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		for (List<Long> batch : batches(ids)) {
			try {
				Outcome o = transactions.execute(s -> stepBatch(caller, batch, command));
				done.addAll(o.done());
				refused.addAll(o.refused());
			}
			catch (ConcurrencyFailureException e) {
				// the batch's statement met another request's locks (a deadlock): idea by idea, so only that one is refused
				for (Long id : batch) {
					try {
						Outcome o = transactions.execute(s -> stepBatch(caller, List.of(id), command));
						done.addAll(o.done());
						refused.addAll(o.refused());
					}
					catch (ConcurrencyFailureException again) {
						refused.add(new Refusal(id, "conflict", "error.conflict", List.of(), null, null));
					}
				}
			}
		}
		return new Outcome(done, refused);
	}

	/**
	 * Checks every idea of the batch as one step would, then writes those that passed in one statement
	 * ({@link IdeaBulkStore}); an idea changed by someone else since it was loaded is refused "conflict".
	 */
	private Outcome stepBatch(Caller caller, List<Long> batch, TakeStep command) {
		List<Refusal> refused = new ArrayList<>();
		List<IdeaBulkStore.Move> moves = new ArrayList<>();
		Map<Long, Idea> found = load(batch);
		for (Long id : batch) {
			Idea idea = found.get(id);
			Optional<Refusal> unreadable = unreadable(caller, id, idea);
			if (unreadable.isPresent()) {
				refused.add(unreadable.get());
				continue;
			}
			try {
				moves.add(new IdeaBulkStore.Move(id, idea.version(), steps.check(caller, idea, command, null)));
			}
			catch (BusinessException e) {
				refused.add(refusal(id, idea, e));
			}
		}
		Set<Long> moved = new java.util.HashSet<>(store.move(caller, moves, command.reason()));
		List<Long> done = new ArrayList<>();
		List<IdeaStepsTaken.Change> changes = new ArrayList<>();
		for (IdeaBulkStore.Move m : moves) {
			Idea idea = found.get(m.id());
			if (moved.contains(m.id())) {
				changes.add(new IdeaStepsTaken.Change(idea.id(), idea.code(), idea.unitId(), m.transition().from(),
						m.transition().to(), idea.title()));
				done.add(m.id());
			}
			else {
				refused.add(new Refusal(m.id(), "conflict", "error.conflict", List.of(), idea.code(), idea.title()));
			}
		}
		if (!changes.isEmpty()) {
			// one event for the batch, not one per idea: one row in the publication registry, one listener run
			events.publishEvent(new IdeaStepsTaken(command.step(), caller.accountId(),
					TextNormalizer.normalizeToNull(command.reason()), changes));
		}
		return new Outcome(done, refused);
	}

	// --- other modules' actions ------------------------------------------------------------------

	/** The action named, or a 422 on the "action" field. */
	public IdeaBulkAction action(String name) {
		return actions.stream().filter(a -> a.name().equals(name)).findFirst()
			.orElseThrow(() -> new BusinessException("action", "idea.bulk.error.unknownAction", String.valueOf(name)));
	}

	/** Applies another module's action to every selected idea, each in a transaction of its own. */
	public Outcome act(Caller caller, Selection selection, String actionName, long targetId) {
		IdeaBulkAction action = action(actionName);
		List<Long> ids = resolve(caller, selection);
		List<Long> done = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		for (List<Long> batch : batches(ids)) {
			Map<Long, IdeaSummary> rows = readOnly.execute(s -> {
				Map<Long, Idea> found = load(batch);
				return found.values().stream().filter(i -> IdeaAccess.canRead(caller, i))
					.collect(Collectors.toMap(Idea::id, Idea::listRow));
			});
			for (Long id : batch) {
				IdeaSummary row = rows.get(id);
				try {
					transactions.executeWithoutResult(s -> action.apply(caller, targetId, id));
					done.add(id);
				}
				catch (BusinessException e) {
					boolean hidden = row == null || e instanceof NotFoundException;
					refused.add(new Refusal(id, code(e.messageKey()), e.messageKey(), args(e), hidden ? null : row.code(),
							hidden ? null : row.title()));
				}
				catch (ConcurrencyFailureException e) {
					refused.add(new Refusal(id, "conflict", "error.conflict", List.of(), row == null ? null : row.code(),
							row == null ? null : row.title()));
				}
			}
		}
		return new Outcome(done, refused);
	}

	// --- helpers ---------------------------------------------------------------------------------

	/** The batch's ideas in one query; their authors (for "is the caller an author") in one more, by @BatchSize. */
	private Map<Long, Idea> load(List<Long> batch) {
		return ideas.findAllById(batch).stream().collect(Collectors.toMap(Idea::id, Function.identity()));
	}

	/** The refusal the single step gives an idea the caller may not read: 404 if absent, 403 if out of scope. */
	private static Optional<Refusal> unreadable(Caller caller, long id, Idea idea) {
		if (idea == null) {
			return Optional.of(new Refusal(id, "not-found", "idea.error.notFound", List.of(), null, null));
		}
		if (!IdeaAccess.canRead(caller, idea)) {
			return Optional.of(new Refusal(id, "forbidden", "error.forbidden", List.of(), null, null));
		}
		return Optional.empty();
	}

	private static Refusal refusal(long id, Idea idea, BusinessException e) {
		return new Refusal(id, code(e.messageKey()), e.messageKey(), args(e), idea.code(), idea.title());
	}

	private static List<Object> args(BusinessException e) {
		return e.args() == null ? List.of() : java.util.Arrays.asList(e.args());
	}

	/** "idea.error.illegalStep" → "illegal-step": the last part of the message key, in the API's style. */
	static String code(String messageKey) {
		String last = messageKey.substring(messageKey.lastIndexOf('.') + 1);
		return last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static boolean passes(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (BusinessException | ConcurrencyFailureException e) {
			return false;
		}
	}

	private static List<List<Long>> batches(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += BATCH) {
			batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
		}
		return batches;
	}
}
