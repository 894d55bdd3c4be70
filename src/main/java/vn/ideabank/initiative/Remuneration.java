package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the authors are owed for a year of application (Nghị định 13/2012/NĐ-CP, Điều 10): at least 7 % of the
 * year's gain, or at least 15 % of a transfer price; the larger when both are recorded.
 */
final class Remuneration {

	static final BigDecimal GAIN_SHARE = new BigDecimal("0.07");

	static final BigDecimal TRANSFER_SHARE = new BigDecimal("0.15");

	private Remuneration() {
	}

	static BigDecimal owed(BigDecimal gain, BigDecimal transferPrice) {
		BigDecimal a = gain == null ? BigDecimal.ZERO : gain.multiply(GAIN_SHARE);
		BigDecimal b = transferPrice == null ? BigDecimal.ZERO : transferPrice.multiply(TRANSFER_SHARE);
		return a.max(b).setScale(0, RoundingMode.CEILING);
	}
}
