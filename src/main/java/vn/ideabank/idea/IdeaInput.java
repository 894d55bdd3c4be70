package vn.ideabank.idea;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * What an idea's entry must satisfy beyond its annotations, checked the same way for the forms, the
 * API, imports and other modules: the bean rules, the year, video links, and authors within scope.
 */
@Component
class IdeaInput {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final jakarta.validation.Validator validator;

	private final MemberService members;

	private final UnitService units;

	IdeaInput(jakarta.validation.Validator validator, MemberService members, UnitService units) {
		this.validator = validator;
		this.members = members;
		this.units = units;
	}

	/** The year and the video links of the content. */
	void checkContent(IdeaContent content) {
		checkYear(content.year());
		checkVideoLinks(content.videoLinks());
	}

	/** The same rules as the forms and the API, for every other caller (imports, other modules). */
	void validate(Object command) {
		var violations = validator.validate(command);
		if (!violations.isEmpty()) {
			var v = violations.stream().min(java.util.Comparator.comparing(x -> x.getPropertyPath().toString())).orElseThrow();
			throw new BusinessException(v.getPropertyPath().toString(), "error.invalid");
		}
	}

	/** Video links are web addresses, one per line: anything else (javascript:, data:…) is refused. */
	private static void checkVideoLinks(String links) {
		if (links == null) {
			return;
		}
		List<String> lines = links.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.size() > 5) {
			throw new BusinessException("content.videoLinks", "idea.error.videoLinkCount", 5);
		}
		for (String line : lines) {
			if (!line.matches("(?i)https?://[^\\s<>\"]+")) {
				throw new BusinessException("content.videoLinks", "idea.error.videoLink", line);
			}
		}
	}

	private static void checkYear(int year) {
		if (year > Year.now(VIETNAM).getValue()) {
			throw new BusinessException("content.year", "idea.error.futureYear");
		}
	}

	/** Authors from the roster must belong to units the caller works in; others are named only. */
	List<IdeaAuthor> authors(Caller caller, List<AuthorRef> refs) {
		List<Long> memberIds = refs.stream().map(AuthorRef::memberId).filter(Objects::nonNull).toList();
		Map<Long, MemberView> known = memberIds.isEmpty() ? Map.of() : members.findAll(memberIds);
		Map<Long, UnitView> memberUnits = units.findAll(known.values().stream().map(MemberView::unitId).toList());
		List<IdeaAuthor> result = new ArrayList<>();
		for (AuthorRef ref : refs) {
			if (ref.memberId() != null) {
				MemberView m = known.get(ref.memberId());
				UnitView unit = m == null ? null : memberUnits.get(m.unitId());
				boolean self = m != null && Objects.equals(m.accountId(), caller.accountId());
				if (m == null || unit == null || !(self || caller.can(unit.path(), Roles.STAFF))) {
					throw new BusinessException("authors", "idea.error.authorOutOfScope");
				}
				result.add(new IdeaAuthor(m.id(), m.accountId(), m.fullName()));
			}
			else {
				String name = TextNormalizer.normalizeToNull(ref.fullName());
				if (name == null) {
					throw new BusinessException("authors", "idea.error.authorName");
				}
				result.add(new IdeaAuthor(null, null, name));
			}
		}
		return result;
	}

}
