package vn.ideabank.member;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Placeholder until the member module lands on this branch: knows no members yet. */
@Service
public class MemberService {

	public Map<Long, MemberView> findAll(Collection<Long> ids) {
		return Map.of();
	}
}
