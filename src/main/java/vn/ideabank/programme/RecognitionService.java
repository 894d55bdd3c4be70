package vn.ideabank.programme;

import static vn.ideabank.common.text.TextNormalizer.normalizeToNull;
import static vn.ideabank.programme.ProgrammeChecks.length;
import static vn.ideabank.programme.ProgrammeChecks.required;

import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeViews.AwardView;

/**
 * Recognition (tuyên dương, khen thưởng) of people and units: who received what, by which decision. A
 * record belongs to the recipient unit, or to the unit of the recipient member; permissions as in
 * {@link ProgrammeService}. Awards of funds and scholarships are recorded by {@link FundService#grantAward} and
 * listed here beside the commendations.
 */
@Service
@Transactional(readOnly = true)
public class RecognitionService {

	private final ProgrammeStore store;

	private final ProgrammeService access;

	private final MemberService members;

	RecognitionService(ProgrammeStore store, ProgrammeService access, MemberService members) {
		this.store = store;
		this.access = access;
		this.members = members;
	}

	/** A commendation; {@code memberId} (a roster member) or {@code recipientName} (anyone) or neither (the unit). */
	public record RecordCommendation(Long unitId, CommendationKind kind, CommendationLevel level, String decisionNo,
			LocalDate decisionDate, String issuer, Long memberId, String recipientName, Long ideaId, String reason) {
	}

	public record CommendationView(long id, long unitId, String unitPath, CommendationKind kind, CommendationLevel level,
			String decisionNo, LocalDate decisionDate, String issuer, Long memberId, String recipientName, Long ideaId,
			String reason) {

		/** Whether the unit itself received it. */
		public boolean toUnit() {
			return memberId == null && recipientName == null;
		}
	}

	@Transactional
	public CommendationView record(Caller caller, RecordCommendation c) {
		UnitView unit;
		String name = normalizeToNull(c.recipientName());
		if (c.memberId() != null) {
			MemberView member = members.find(c.memberId())
				.orElseThrow(() -> new BusinessException("memberId", "programme.error.member-unknown"));
			unit = access.unit(member.unitId());
			name = member.fullName();
		}
		else {
			if (c.unitId() == null) {
				throw new BusinessException("unitId", "programme.error.unit-required");
			}
			unit = access.unit(c.unitId(), "unitId");
		}
		access.requireEdit(caller, unit.path());
		required("kind", c.kind());
		required("level", c.level());
		required("decisionNo", c.decisionNo(), 100);
		required("issuer", c.issuer(), 300);
		length("recipientName", name, 300);
		length("reason", c.reason(), 1000);
		required("decisionDate", c.decisionDate());
		if (c.decisionDate().isBefore(ProgrammeChecks.EARLIEST) || c.decisionDate().isAfter(LocalDate.now())) {
			throw new BusinessException("decisionDate", "programme.error.decision-date");
		}
		return store.insertCommendation(unit, name, c, caller.accountId());
	}

	/**
	 * What the caller sees: of a unit's subtree ({@code unitId}), of one member ({@code memberId}), or all in scope;
	 * newest decision first.
	 */
	public Page<CommendationView> list(Caller caller, Long unitId, Long memberId, Pageable pageable) {
		return store.page(ProgrammeStore.COMMENDATIONS, scope(caller, unitId, memberId), null, memberId, pageable);
	}

	/**
	 * Fund and scholarship awards, with the same choice of scope as {@link #list}: what a unit's subtree or one
	 * member received, newest first.
	 */
	public Page<AwardView> awards(Caller caller, Long unitId, Long memberId, Pageable pageable) {
		return store.page(ProgrammeStore.AWARDS, scope(caller, unitId, memberId), null, memberId, pageable);
	}

	/** The caller's subtrees, narrowed to a unit's; a member named must be one the caller sees (403 otherwise). */
	private UnitScope scope(Caller caller, Long unitId, Long memberId) {
		if (memberId != null) {
			MemberView member = members.find(memberId).orElseThrow(() -> new NotFoundException("programme.error.not-found"));
			access.requireView(caller, access.unit(member.unitId()).path());
		}
		return access.scope(caller, unitId);
	}
}
