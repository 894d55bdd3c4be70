package vn.ideabank.report;

/**
 * One figure of a report's statistics: {@code group} (TOTAL, STATUS, FIELD, GROUP), the message key
 * that labels it, its value and, where a target exists, the target.
 */
public record Figure(String group, String labelKey, long value, Long target) {
}
