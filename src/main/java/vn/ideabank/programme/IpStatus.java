package vn.ideabank.programme;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Status of an IP registration, with the explicit table of allowed transitions. Granted, refused
 * and withdrawn are final.
 */
public enum IpStatus {
	PREPARING, FILED, FORMAL_EXAM, SUBSTANTIVE_EXAM, GRANTED, REFUSED, WITHDRAWN;

	private static final Map<IpStatus, Set<IpStatus>> NEXT = new EnumMap<>(IpStatus.class);

	static {
		NEXT.put(PREPARING, EnumSet.of(FILED, WITHDRAWN));
		NEXT.put(FILED, EnumSet.of(FORMAL_EXAM, REFUSED, WITHDRAWN));
		// designs, trademarks and copyright may be granted after the formal examination
		NEXT.put(FORMAL_EXAM, EnumSet.of(SUBSTANTIVE_EXAM, GRANTED, REFUSED, WITHDRAWN));
		NEXT.put(SUBSTANTIVE_EXAM, EnumSet.of(GRANTED, REFUSED, WITHDRAWN));
		NEXT.put(GRANTED, EnumSet.noneOf(IpStatus.class));
		NEXT.put(REFUSED, EnumSet.noneOf(IpStatus.class));
		NEXT.put(WITHDRAWN, EnumSet.noneOf(IpStatus.class));
	}

	public Set<IpStatus> next() {
		Set<IpStatus> next = EnumSet.noneOf(IpStatus.class);
		next.addAll(NEXT.get(this));
		return next;
	}

	public boolean canMoveTo(IpStatus to) {
		return NEXT.get(this).contains(to);
	}

	/**
	 * Whether the application is at the office, so a number and a filing date are required (an
	 * application may be withdrawn before it was filed).
	 */
	public boolean filed() {
		return this != PREPARING && this != WITHDRAWN;
	}

	public boolean finished() {
		return NEXT.get(this).isEmpty();
	}

	public String messageKey() {
		return "programme.ip.status." + name();
	}
}
