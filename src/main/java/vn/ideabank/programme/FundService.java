package vn.ideabank.programme;

import static vn.ideabank.common.text.TextNormalizer.normalizeToNull;
import static vn.ideabank.programme.ProgrammeChecks.length;
import static vn.ideabank.programme.ProgrammeChecks.required;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.AwardView;
import vn.ideabank.programme.ProgrammeViews.FundDetails;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.StartupView;

/**
 * Funds and scholarship programmes of a unit, one year each, and their awards. Permissions as in
 * {@link ProgrammeService}; one transaction per command, so a refused command saves nothing.
 */
@Service
@Transactional(readOnly = true)
public class FundService {

	/** How many of a fund's awards its page lists, newest first. */
	public static final int FUND_PAGE_AWARDS = 200;

	private final ProgrammeStore store;

	private final ProgrammeService access;

	private final MemberService members;

	private final IdeaLinks ideaLinks;

	FundService(ProgrammeStore store, ProgrammeService access, MemberService members, IdeaLinks ideaLinks) {
		this.store = store;
		this.access = access;
		this.members = members;
		this.ideaLinks = ideaLinks;
	}

	public Page<FundView> funds(Caller caller, Filter filter, Pageable pageable) {
		return store.page(ProgrammeStore.FUNDS, access.scope(caller, filter.unitId()), filter.q(), null, pageable);
	}

	public void forEachFund(Caller caller, Filter filter, Consumer<List<FundView>> chunk) {
		store.chunks(ProgrammeStore.FUNDS, access.scope(caller, filter.unitId()), filter.q(), chunk);
	}

	public FundDetails fund(Caller caller, long id) {
		FundView f = store.get(ProgrammeStore.FUNDS, id);
		access.requireView(caller, f.unitPath());
		// the newest awards only: the count and total of all of them are on the fund itself
		return new FundDetails(f, store.awardsOf(id, FUND_PAGE_AWARDS));
	}

	@Transactional
	public FundView createFund(Caller caller, SaveFund command) {
		UnitView unit = access.editableUnit(caller, command.unitId(), "unitId");
		check(command);
		return store.get(ProgrammeStore.FUNDS, store.insertFund(unit, command, caller.accountId()));
	}

	/** Changes a programme; its year cannot leave behind awards dated in another year. */
	@Transactional
	public FundView editFund(Caller caller, long id, SaveFund command, long version) {
		FundView f = store.get(ProgrammeStore.FUNDS, id);
		access.requireEdit(caller, f.unitPath());
		check(command);
		if (store.hasAwardsOutside(id, command.year())) {
			throw new BusinessException("year", "programme.error.fund-year-awards");
		}
		store.updateFund(id, command, version);
		return store.get(ProgrammeStore.FUNDS, id);
	}

	/**
	 * Records an award. The recipient (a roster member, a person by name, or a unit) must lie in the programme's
	 * subtree; the date in the programme's year; the amount whole đồng, not negative.
	 */
	@Transactional
	public AwardView grantAward(Caller caller, long fundId, GrantAward command) {
		FundView f = store.get(ProgrammeStore.FUNDS, fundId);
		access.requireEdit(caller, f.unitPath());
		String name = normalizeToNull(command.recipientName());
		int recipients = (command.memberId() != null ? 1 : 0) + (name != null ? 1 : 0)
				+ (command.recipientUnitId() != null ? 1 : 0);
		if (recipients == 0) {
			throw new BusinessException("memberId", "programme.error.recipient-required");
		}
		if (recipients > 1) {
			throw new BusinessException("memberId", "programme.error.recipient-one");
		}
		UnitView owner;
		if (command.memberId() != null) {
			MemberView member = members.find(command.memberId())
				.orElseThrow(() -> new BusinessException("memberId", "programme.error.member-unknown"));
			owner = recipientUnit(caller, f, member.unitId(), "memberId");
			name = member.fullName();
		}
		else if (command.recipientUnitId() != null) {
			owner = recipientUnit(caller, f, command.recipientUnitId(), "recipientUnitId");
		}
		else {
			owner = access.unit(f.unitId());
		}
		length("recipientName", name, 300);
		required("amount", command.amount());
		ProgrammeChecks.amount(command.amount(), "programme.error.award-negative");
		ProgrammeChecks.date("awardedOn", command.awardedOn(), true);
		if (command.awardedOn().getYear() != f.year()) {
			throw new BusinessException("awardedOn", "programme.error.award-year", Integer.toString(f.year()));
		}
		required("decisionNo", command.decisionNo(), 100);
		length("note", command.note(), 1000);
		ideaLinks.check(caller, command.ideaId(), f.unitPath(), "ideaId");
		if (command.startupId() != null) {
			StartupView s = store.find(ProgrammeStore.STARTUPS, command.startupId())
				.orElseThrow(() -> new BusinessException("startupId", "programme.error.startup-unknown"));
			if (!caller.sees(s.unitPath())) {
				throw new BusinessException("startupId", "programme.error.startup-unknown");
			}
		}
		return store.insertAward(fundId, owner, command.recipientUnitId() != null ? null : name, command,
				caller.accountId());
	}

	/** The recipient's unit: it must exist and lie in the programme's subtree (a fund gives within its own tree). */
	private UnitView recipientUnit(Caller caller, FundView f, long unitId, String field) {
		UnitView unit = access.unit(unitId, field);
		if (!UnitScope.subtree(f.unitPath()).covers(unit.path()) || !caller.sees(unit.path())) {
			throw new BusinessException(field, "programme.error.recipient-outside");
		}
		return unit;
	}

	private static void check(SaveFund c) {
		required("name", c.name(), 300);
		required("kind", c.kind());
		required("year", c.year());
		if (c.year() < ProgrammeChecks.EARLIEST.getYear() || c.year() > LocalDate.now().getYear() + 1) {
			throw new BusinessException("year", "programme.error.year-range");
		}
		length("description", c.description(), 4000);
	}
}
