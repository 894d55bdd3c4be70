package vn.ideabank.programme;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * The ideas a startup, an IP registration or an award refers to: each must exist, be readable by the caller
 * (the idea module decides) and belong to the record's unit or a unit below it. Anything else is a field error;
 * an idea the caller may not read reads as absent, so ids cannot be probed.
 */
@Component
class IdeaLinks {

	private final IdeaService ideas;

	private final UnitService units;

	IdeaLinks(IdeaService ideas, UnitService units) {
		this.ideas = ideas;
		this.units = units;
	}

	/** The id of the idea named by an id or a code ("TS-2026-000001"). */
	long resolve(Caller caller, String ref, String withinPath, String field) {
		IdeaView idea = ideas.findReadable(caller, ref)
			.orElseThrow(() -> new BusinessException(field, "programme.error.idea-unknown", ref));
		if (!units.find(idea.unitId()).map(u -> u.path().startsWith(withinPath)).orElse(false)) {
			throw new BusinessException(field, "programme.error.idea-outside", idea.code()); // the caller reads it anyway
		}
		return idea.id();
	}

	List<Long> check(Caller caller, List<Long> ids, String withinPath, String field) {
		List<Long> checked = new ArrayList<>();
		for (Long id : ids.stream().distinct().toList()) {
			checked.add(check(caller, id, withinPath, field));
		}
		return checked;
	}

	Long check(Caller caller, Long id, String withinPath, String field) {
		return id == null ? null : resolve(caller, id.toString(), withinPath, field);
	}
}
