package vn.ideabank.common.web;

import java.util.Map;

/**
 * One suggestion of a picker ({@code fragments/picker}): the text that goes into the field (an idea's or a
 * unit's code, a member's number) and what the person reads ("TS-2026-000001 — Máy sấy nông sản").
 */
public record PickerOption(String value, String label) {

	/** The view that renders a list of options as the {@code <option>}s of a picker's datalist. */
	public static final String VIEW = "fragments/picker :: options";

	/**
	 * What the person typed: {@code q}, or else the value of the field itself — htmx sends the input under its
	 * own name ({@code ?unit=tho}), so one endpoint serves fields of any name.
	 */
	public static String typed(Map<String, String> params) {
		String q = params.get("q");
		if (q != null) {
			return q;
		}
		return params.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
	}
}
