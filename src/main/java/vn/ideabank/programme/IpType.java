package vn.ideabank.programme;

import java.util.regex.Pattern;

/**
 * Kind of IP registration. Application numbers of the Vietnamese IP office (Cục Sở hữu trí tuệ) are
 * {@code P-YYYY-NNNNN}, the first digit naming the kind: 1 patent, 2 utility solution, 3 industrial
 * design, 4 trademark. Copyright is registered with the Copyright Office, whose numbers vary: we accept
 * 1–20 letters, digits, '/', '.' and '-'.
 */
public enum IpType {
	PATENT("1"), UTILITY_SOLUTION("2"), INDUSTRIAL_DESIGN("3"), TRADEMARK("4"), COPYRIGHT(null);

	private static final Pattern OFFICE = Pattern.compile("([1-4])-(\\d{4})-(\\d{5})");

	private static final Pattern FREE = Pattern.compile("[A-Za-z0-9/.\\-]{1,20}");

	private final String prefix;

	IpType(String prefix) {
		this.prefix = prefix;
	}

	public String messageKey() {
		return "programme.ip.type." + name();
	}

	/** The format shown to users, e.g. {@code 1-2024-01234}; {@code null} for copyright. */
	public String example() {
		return prefix == null ? null : prefix + "-2024-01234";
	}

	/**
	 * Whether the application number fits this kind; {@code filingYear} (may be null) must then be the
	 * year written in the number.
	 */
	public boolean accepts(String number, Integer filingYear) {
		if (number == null) {
			return false;
		}
		if (prefix == null) {
			return FREE.matcher(number).matches();
		}
		var m = OFFICE.matcher(number);
		return m.matches() && m.group(1).equals(prefix)
				&& (filingYear == null || Integer.parseInt(m.group(2)) == filingYear);
	}
}
