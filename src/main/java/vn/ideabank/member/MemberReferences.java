package vn.ideabank.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;

/**
 * How a person names a member in a form: by the roster number the picker puts in the field ("123", or the whole
 * suggestion "123 — Nguyễn Văn An (…)"), by the member's login name, or by a full name that only one member in the
 * caller's scope has. A member outside the scope answers like an unknown one. Also the member picker's suggestions.
 */
@Service
@Transactional(readOnly = true)
public class MemberReferences {

	/** How many suggestions a picker shows. */
	public static final int PICK_LIMIT = 20;

	private final MemberRepository members;

	private final AccountService accounts;

	MemberReferences(MemberRepository members, AccountService accounts) {
		this.members = members;
		this.accounts = accounts;
	}

	/**
	 * The id of the member named by what was typed; blank is none ({@code null}). Refused on {@code field} when
	 * unknown, outside the caller's scope, or a name that several members share ("chọn trong danh sách").
	 */
	public Long resolve(Caller caller, String typed, String field) {
		String ref = TextNormalizer.normalizeToNull(typed);
		if (ref == null) {
			return null;
		}
		List<Member> found = candidates(caller, ref, 2);
		if (found.size() > 1) {
			throw new BusinessException(field, "member.reference.ambiguous", ref);
		}
		return found.stream().findFirst().map(Member::id)
			.orElseThrow(() -> new BusinessException(field, "member.reference.unknown", ref));
	}

	/** Up to {@link #PICK_LIMIT} members the caller sees: by number, login name, or the words of the name. */
	public List<MemberView> pick(Caller caller, String typed) {
		String q = TextNormalizer.normalizeToNull(typed);
		Map<Long, Member> found = new LinkedHashMap<>();
		if (q != null) {
			number(q).flatMap(members::findById).filter(m -> MemberPermissions.canView(caller, m))
				.ifPresent(m -> found.put(m.id(), m));
			byLogin(caller, q).ifPresent(m -> found.put(m.id(), m));
		}
		if (number(q).isEmpty()) {
			byName(caller, q, false, PICK_LIMIT).forEach(m -> found.putIfAbsent(m.id(), m));
		}
		return found.values().stream().limit(PICK_LIMIT).map(Member::view).toList();
	}

	private List<Member> candidates(Caller caller, String ref, int limit) {
		Optional<Long> number = number(ref);
		if (number.isPresent()) {
			return members.findById(number.get()).filter(m -> MemberPermissions.canView(caller, m)).stream().toList();
		}
		Optional<Member> login = byLogin(caller, ref);
		if (login.isPresent()) {
			return List.of(login.get());
		}
		return byName(caller, ref, true, limit);
	}

	/** "123" or the picker's suggestion "123 — Nguyễn Văn An (Chi đoàn 1)": the leading number. */
	private static Optional<Long> number(String ref) {
		if (ref == null) {
			return Optional.empty();
		}
		var m = java.util.regex.Pattern.compile("^#?([0-9]{1,18})(\\s*[—–-].*)?$").matcher(ref.strip());
		return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
	}

	private Optional<Member> byLogin(Caller caller, String ref) {
		if (!ref.matches("[A-Za-z0-9._@-]{2,100}")) {
			return Optional.empty();
		}
		return accounts.idOf(ref).flatMap(members::findByAccountId).filter(m -> MemberPermissions.canView(caller, m));
	}

	/** Members of the caller's scope whose name is exactly {@code ref} (accents and case ignored), or holds its words. */
	private List<Member> byName(Caller caller, String ref, boolean exact, int limit) {
		var spec = UnitScope.of(caller).<Member>specification("unitPath");
		String key = ref == null ? null : Member.keyOf(ref);
		if (key != null && exact) {
			String whole = key.strip().replaceAll("\\s+", " ");
			spec = spec.and((root, q, cb) -> cb.equal(root.get("nameKey"), whole));
		}
		else if (key != null) {
			List<String> words = new ArrayList<>(List.of(key.strip().split("\\s+")));
			for (String word : words) {
				String like = "%" + UnitScope.escapeLike(word) + "%";
				spec = spec.and((root, q, cb) -> cb.like(root.get("nameKey"), like, '\\'));
			}
		}
		return members.findAll(spec, PageRequest.of(0, limit, Sort.by("nameKey", "id"))).getContent();
	}
}
