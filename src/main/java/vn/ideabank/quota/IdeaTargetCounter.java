package vn.ideabank.quota;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ideabank.idea.IdeaCounts;
import vn.ideabank.idea.IdeaCounts.By;
import vn.ideabank.idea.IdeaCounts.Count;
import vn.ideabank.idea.IdeaCounts.Criteria;
import vn.ideabank.org.UnitView;

/**
 * Counts the idea-based targets: ideas proposed (neither draft nor withdrawn), models applied
 * (ideas applied, or recognised after being applied), and custom targets (their rule over ideas).
 */
@Component
class IdeaTargetCounter implements TargetCounter {

	private final IdeaCounts counts;

	IdeaTargetCounter(IdeaCounts counts) {
		this.counts = counts;
	}

	@Override
	public Set<TargetKind> kinds() {
		return EnumSet.of(TargetKind.IDEAS_PROPOSED, TargetKind.MODELS_APPLIED, TargetKind.CUSTOM);
	}

	static Criteria criteria(TargetRule rule) {
		return switch (rule.kind()) {
			case IDEAS_PROPOSED -> Criteria.statuses(IdeaCounts.PROPOSED);
			case MODELS_APPLIED -> Criteria.statuses(IdeaCounts.APPLIED);
			case CUSTOM -> new Criteria(rule.statuses().isEmpty() ? IdeaCounts.PROPOSED : rule.statuses(), rule.ideaKinds(),
					rule.fields(), rule.groups(), null, null);
			default -> throw new IllegalArgumentException(rule.kind().name());
		};
	}

	@Override
	public Map<Long, Long> countByChild(TargetRule rule, UnitView unit, int year, int fromMonth, int toMonth) {
		Map<Long, Long> result = new LinkedHashMap<>();
		for (Count c : counts.count(unit, year, By.CHILD_UNIT, criteria(rule).months(fromMonth, toMonth))) {
			result.merge(Long.parseLong(c.key()), c.count(), Long::sum);
		}
		return result;
	}

	@Override
	public Map<Integer, Long> countByMonth(TargetRule rule, UnitView unit, int year) {
		Map<Integer, Long> result = new LinkedHashMap<>();
		for (Count c : counts.count(unit, year, By.MONTH, criteria(rule))) {
			result.merge(Integer.parseInt(c.key()), c.count(), Long::sum);
		}
		return result;
	}
}
