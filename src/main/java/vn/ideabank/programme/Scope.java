package vn.ideabank.programme;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;

/**
 * A subtree filter for SQL: the caller's grant prefixes (any role reads its subtree), narrowed to one
 * unit's subtree when a unit filter is given. Paths hold only digits and '/', so LIKE needs no escaping.
 */
record Scope(boolean all, List<String> prefixes, String within) {

	static Scope of(Caller caller, String within) {
		List<String> prefixes = new ArrayList<>();
		boolean all = false;
		for (Grant g : caller.grants()) {
			if (g.systemWide()) {
				all = true;
			}
			else {
				prefixes.add(g.unitPath());
			}
		}
		return new Scope(all, List.copyOf(prefixes), within);
	}

	/** The condition on {@code alias.unit_path}. */
	String sql(String alias) {
		StringBuilder sql = new StringBuilder();
		if (all) {
			sql.append("true");
		}
		else if (prefixes.isEmpty()) {
			sql.append("false");
		}
		else {
			sql.append('(');
			for (int i = 0; i < prefixes.size(); i++) {
				sql.append(i == 0 ? "" : " or ").append(alias).append(".unit_path like :scope").append(i);
			}
			sql.append(')');
		}
		if (within != null) {
			sql.append(" and ").append(alias).append(".unit_path like :within");
		}
		return sql.toString();
	}

	StatementSpec bind(StatementSpec spec) {
		for (int i = 0; i < prefixes.size() && !all; i++) {
			spec = spec.param("scope" + i, prefixes.get(i) + "%");
		}
		if (within != null) {
			spec = spec.param("within", within + "%");
		}
		return spec;
	}
}
