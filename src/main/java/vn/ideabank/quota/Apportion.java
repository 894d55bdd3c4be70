package vn.ideabank.quota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number in proportion to weights with the largest-remainder (Hamilton) method: each
 * part gets the integer part of its exact quota, and the units left over go one each to the parts
 * with the largest remainders. Ties go to the larger weight, then to the earlier part in the given
 * order (the caller passes units ordered by id, so the result is deterministic). The sum is always
 * exactly the total. When every weight is zero the total is split equally by the same rule.
 */
public final class Apportion {

	private Apportion() {
	}

	public static long[] largestRemainder(long total, List<Long> weights) {
		if (total < 0) {
			throw new IllegalArgumentException("total < 0");
		}
		int n = weights.size();
		long[] result = new long[n];
		if (n == 0) {
			return result;
		}
		long sum = 0;
		for (long w : weights) {
			if (w < 0) {
				throw new IllegalArgumentException("weight < 0");
			}
			sum += w;
		}
		List<Long> ws = sum == 0 ? java.util.Collections.nCopies(n, 1L) : weights;
		long weightSum = sum == 0 ? n : sum;
		java.math.BigInteger t = java.math.BigInteger.valueOf(total);
		java.math.BigInteger s = java.math.BigInteger.valueOf(weightSum);
		long[] remainders = new long[n];
		long given = 0;
		for (int i = 0; i < n; i++) {
			java.math.BigInteger[] qr = t.multiply(java.math.BigInteger.valueOf(ws.get(i))).divideAndRemainder(s);
			result[i] = qr[0].longValueExact();
			remainders[i] = qr[1].longValueExact();
			given += result[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
			.thenComparing(Comparator.<Integer>comparingLong(ws::get).reversed())
			.thenComparingInt(i -> i));
		for (int k = 0; given < total; k++, given++) {
			result[order.get(k)]++;
		}
		return result;
	}
}
