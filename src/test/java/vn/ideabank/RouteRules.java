package vn.ideabank;

import java.util.Map;
import java.util.Optional;

/**
 * How the route-scope matrix reads each route of the application: the routes that are public on purpose
 * (with the reason), and which kind of object each path variable names. A route the rules cannot read
 * fails the matrix, so a new route is classified the day it is added: name its variables here (by the
 * path segment before {@code {id}}, or by the variable's own name) or list it as public with a reason.
 */
final class RouteRules {

	private RouteRules() {
	}

	/** Routes not checked, and why. Patterns end in {@code /**} for a whole subtree. */
	static final Map<String, String> PUBLIC = Map.ofEntries(
			Map.entry("/public", "the showcase: published ideas, clubs, contests and winners, for anyone"),
			Map.entry("/public/**", "the showcase, public idea pages, certificate check and QR codes: public by design"),
			Map.entry("/login", "the sign-in form"),
			Map.entry("/error", "the error page: shows the error, no records"),
			Map.entry("/v3/api-docs/**", "the API description (springdoc): no records"),
			Map.entry("/v3/api-docs", "the API description (springdoc): no records"),
			Map.entry("/v3/api-docs.yaml", "the API description (springdoc): no records"),
			Map.entry("/swagger-ui.html", "the API browser (springdoc): no records"),
			Map.entry("/swagger-ui/**", "the API browser (springdoc): no records"));

	/** The kind named by {@code {id}}, by the path segment before it. */
	private static final Map<String, String> ID_BY_SEGMENT = Map.ofEntries(Map.entry("ideas", "idea"),
			Map.entry("members", "member"), Map.entry("units", "unit"), Map.entry("contests", "contest"),
			Map.entry("plans", "planRequest"), Map.entry("periodic", "report"), Map.entry("assignments", "assignment"),
			Map.entry("councils", "council"), Map.entry("startups", "startup"), Map.entry("clubs", "club"),
			Map.entry("funds", "fund"), Map.entry("ip", "ip"), Map.entry("ip-registrations", "ip"),
			Map.entry("notifications", "notification"), Map.entry("accounts", "account"), Map.entry("tokens", "token"),
			Map.entry("initiatives", "initiative"),
			Map.entry("rubrics", "rubric"));

	/** The kind named by any other variable, by its name. */
	private static final Map<String, String> BY_NAME = Map.ofEntries(Map.entry("ideaId", "idea"),
			Map.entry("attachmentId", "attachment"), Map.entry("nominationId", "nomination"), Map.entry("roundId", "round"),
			Map.entry("accountId", "account"), Map.entry("unitId", "unit"), Map.entry("fileId", "planFile"),
			Map.entry("deadlineId", "ipDeadline"), Map.entry("planId", "targetPlan"), Map.entry("targetId", "target"),
			Map.entry("bindingId", "binding"), Map.entry("versionId", "rubricVersion"),
			// a backup's file name: backups hold every unit's data and answer only system-wide administrators,
			// so no demo role at commune A may read one whatever the name (none of B's ids exist: called with 0)
			Map.entry("name", "backup"));

	/** The table holding each kind, for the version a form must send. */
	static final Map<String, String> TABLE = Map.ofEntries(Map.entry("idea", "idea"), Map.entry("member", "member"),
			Map.entry("unit", "org_unit"), Map.entry("contest", "contest"), Map.entry("nomination", "contest_nomination"),
			Map.entry("round", "contest_round"), Map.entry("account", "account"), Map.entry("council", "review_council"),
			Map.entry("planRequest", "report_plan_request"), Map.entry("report", "report_periodic"),
			Map.entry("startup", "programme_startup"), Map.entry("club", "programme_club"), Map.entry("fund", "programme_fund"),
			Map.entry("ip", "programme_ip"), Map.entry("targetPlan", "target_plan"), Map.entry("target", "target_item"),
			Map.entry("initiative", "initiative_application"),
			Map.entry("rubric", "review_rubric"));

	static Optional<String> publicReason(String pattern) {
		for (var e : PUBLIC.entrySet()) {
			String p = e.getKey();
			if (p.equals(pattern) || (p.endsWith("/**") && pattern.startsWith(p.substring(0, p.length() - 2)))) {
				return Optional.of(e.getValue());
			}
		}
		return Optional.empty();
	}

	/** The kind of object the variable names in the route, or empty: the route is not classified. */
	static Optional<String> kindOf(String pattern, String variable) {
		if (variable.equals("id")) {
			int at = pattern.indexOf("/{id}");
			String before = pattern.substring(0, at);
			return Optional.ofNullable(ID_BY_SEGMENT.get(before.substring(before.lastIndexOf('/') + 1)));
		}
		return Optional.ofNullable(BY_NAME.get(variable));
	}
}
