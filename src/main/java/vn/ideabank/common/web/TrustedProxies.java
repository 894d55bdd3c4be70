package vn.ideabank.common.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The reverse proxies whose forwarded headers are believed ({@code ideabank.web.trusted-proxies}, env
 * {@code IDEABANK_TRUSTED_PROXIES}): addresses and CIDR ranges, IPv4 or IPv6. Only literal addresses are
 * compared: a name in a header is never looked up.
 */
final class TrustedProxies {

	/** Dotted IPv4 or hexadecimal IPv6 (optionally with an embedded IPv4): nothing a resolver would look up. */
	private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<IpAddressMatcher> ranges;

	private final List<String> entries;

	private TrustedProxies(List<IpAddressMatcher> ranges, List<String> entries) {
		this.ranges = ranges;
		this.entries = entries;
	}

	/** Parses the setting; a malformed entry stops the start with the entry named. */
	static TrustedProxies of(List<String> entries) {
		List<IpAddressMatcher> ranges = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		for (String raw : entries == null ? List.<String>of() : entries) {
			String entry = raw == null ? "" : raw.strip();
			if (entry.isEmpty()) {
				continue;
			}
			String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
			if (!LITERAL.matcher(address).matches()) {
				throw new IllegalArgumentException("ideabank.web.trusted-proxies: '" + entry
						+ "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)");
			}
			try {
				ranges.add(new IpAddressMatcher(entry));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("ideabank.web.trusted-proxies: '" + entry + "' is not valid: "
						+ e.getMessage(), e);
			}
			kept.add(entry);
		}
		return new TrustedProxies(List.copyOf(ranges), Collections.unmodifiableList(kept));
	}

	boolean isEmpty() {
		return ranges.isEmpty();
	}

	List<String> entries() {
		return entries;
	}

	/** Whether this address (a literal; anything else is not trusted) is one of the proxies. */
	boolean contains(String address) {
		if (address == null || ranges.isEmpty()) {
			return false;
		}
		String a = bare(address);
		if (!LITERAL.matcher(a).matches()) {
			return false;
		}
		for (IpAddressMatcher range : ranges) {
			try {
				if (range.matches(a)) {
					return true;
				}
			}
			catch (IllegalArgumentException e) {
				return false;
			}
		}
		return false;
	}

	/** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 198.51.100.7:4711} → {@code 198.51.100.7}. */
	static String bare(String address) {
		String a = address.strip();
		if (a.startsWith("\"") && a.endsWith("\"") && a.length() > 1) {
			a = a.substring(1, a.length() - 1);
		}
		if (a.startsWith("[")) {
			int end = a.indexOf(']');
			return end > 0 ? a.substring(1, end) : a;
		}
		int colon = a.indexOf(':');
		if (colon > 0 && colon == a.lastIndexOf(':') && a.indexOf('.') > 0) {
			return a.substring(0, colon);
		}
		return a;
	}
}
