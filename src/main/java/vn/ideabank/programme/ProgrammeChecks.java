package vn.ideabank.programme;

import static vn.ideabank.common.text.TextNormalizer.normalizeToNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.ideabank.common.error.BusinessException;

/**
 * The field rules the programme facades re-check for callers that bypass the page forms (the API, other modules):
 * each refusal names the field and a message key of programme*.properties.
 */
final class ProgrammeChecks {

	/** The earliest date or year a programme record may carry. */
	static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

	private ProgrammeChecks() {
	}

	static void required(String field, Object value) {
		if (value == null) {
			throw new BusinessException(field, "programme.error.required");
		}
	}

	static void required(String field, String value, int max) {
		if (normalizeToNull(value) == null) {
			throw new BusinessException(field, "programme.error.required");
		}
		length(field, value, max);
	}

	static void length(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			throw new BusinessException(field, "programme.error.too-long", max);
		}
	}

	static void notNegative(String field, Integer value) {
		if (value != null && value < 0) {
			throw new BusinessException(field, "programme.error.negative");
		}
	}

	/** A sum of money: whole đồng, not negative, at most 15 digits (null passes: callers decide if it is required). */
	static void amount(BigDecimal amount, String negativeKey) {
		if (amount != null && amount.signum() < 0) {
			throw new BusinessException("amount", negativeKey);
		}
		if (amount != null && (amount.stripTrailingZeros().scale() > 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
			throw new BusinessException("amount", "programme.error.amount-whole");
		}
	}

	/** A date between {@link #EARLIEST} and a year from today. */
	static void date(String field, LocalDate date, boolean required) {
		if (date == null) {
			if (required) {
				throw new BusinessException(field, "programme.error.required");
			}
			return;
		}
		if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now().plusYears(1))) {
			throw new BusinessException(field, "programme.error.date-range");
		}
	}
}
