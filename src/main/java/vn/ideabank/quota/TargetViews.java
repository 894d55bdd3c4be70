package vn.ideabank.quota;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the target module shows: plans, targets, splits of a share, and the change history. */
public final class TargetViews {

	private TargetViews() {
	}

	/** Points of each input of the creativity criterion, and the quota of proposed ideas per member. */
	public record Weights(int ideas, int models, int contests, int punctuality, BigDecimal ideasPerMember) {
	}

	public record PlanView(long id, long unitId, String unitPath, int year, boolean refuseMismatch, Weights weights,
			long version, List<TargetView> targets) {
	}

	public record TargetView(long id, long planId, TargetKind kind, String name, String countUnit, long amount,
			TargetRule rule, long version) {
	}

	/** One child's part of a split; {@code amount} null when nothing is allocated to it yet. */
	public record Part(long unitId, String unitName, int memberCount, Long amount) {
	}

	/**
	 * A unit's share of a target and how it is split among its children. {@code share} null when the
	 * unit has none (not allocated); {@code gap} = share − allocated.
	 */
	public record Split(PlanView plan, TargetView target, long unitId, String unitName, Long share, List<Part> parts,
			long allocated, boolean canEdit) {

		public Long gap() {
			return share == null ? null : share - allocated;
		}
	}

	public record Change(Instant at, String actorName, long unitId, String unitName, Long oldAmount, Long newAmount,
			String reason) {
	}
}
