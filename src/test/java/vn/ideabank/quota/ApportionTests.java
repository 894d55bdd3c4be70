package vn.ideabank.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ApportionTests {

	private static long sum(long[] parts) {
		return Arrays.stream(parts).sum();
	}

	@Test
	void sevenEqualUnitsShareTheDistrictsSeedExactlyAndTheFirstOnesGetTheLeftovers() {
		long[] parts = Apportion.largestRemainder(1610, Collections.nCopies(7, 1L));
		assertThat(parts).containsExactly(230, 230, 230, 230, 230, 230, 230);
		long[] awkward = Apportion.largestRemainder(1611, Collections.nCopies(7, 1L));
		assertThat(awkward).containsExactly(231, 230, 230, 230, 230, 230, 230);
		assertThat(Apportion.largestRemainder(10, Collections.nCopies(3, 1L))).containsExactly(4, 3, 3);
	}

	@Test
	void largestRemaindersWinThenLargerWeightsThenTheEarlierUnit() {
		// quotas 1610 × (120, 85, 85, 10) / 300 = 644, 456.17, 456.17, 53.67
		assertThat(Apportion.largestRemainder(1610, List.of(120L, 85L, 85L, 10L))).containsExactly(644, 456, 456, 54);
		// 5 over weights 1,1,2: quotas 1.25, 1.25, 2.5 → remainders .25 .25 .5 → the third gets one
		assertThat(Apportion.largestRemainder(5, List.of(1L, 1L, 2L))).containsExactly(1, 1, 3);
		// equal remainders: the larger weight wins
		assertThat(Apportion.largestRemainder(1, List.of(1L, 3L))).containsExactly(0, 1);
	}

	@Test
	void zerosOneUnitNothingToShareAndNoUnits() {
		assertThat(Apportion.largestRemainder(1610, List.of(0L, 0L, 0L))).containsExactly(537, 537, 536);
		assertThat(Apportion.largestRemainder(7, List.of(0L, 5L, 0L))).containsExactly(0, 7, 0);
		assertThat(Apportion.largestRemainder(1610, List.of(42L))).containsExactly(1610);
		assertThat(Apportion.largestRemainder(0, List.of(3L, 4L))).containsExactly(0, 0);
		assertThat(Apportion.largestRemainder(5, List.of())).isEmpty();
		assertThatThrownBy(() -> Apportion.largestRemainder(-1, List.of(1L))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Apportion.largestRemainder(1, List.of(-1L))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSumIsAlwaysExactAndEachPartWithinOneOfItsQuota() {
		Random random = new Random(20261126);
		for (int run = 0; run < 2000; run++) {
			int n = 1 + random.nextInt(40);
			long total = random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(10_000_000);
			List<Long> weights = random.longs(n, 0, random.nextBoolean() ? 3 : 100_000).boxed().toList();
			long[] parts = Apportion.largestRemainder(total, weights);
			assertThat(sum(parts)).isEqualTo(total);
			long weightSum = weights.stream().mapToLong(Long::longValue).sum();
			for (int i = 0; i < n; i++) {
				double quota = weightSum == 0 ? total / (double) n : total * (double) weights.get(i) / weightSum;
				assertThat((double) parts[i]).isBetween(Math.floor(quota) - 1e-6, Math.floor(quota) + 1 + 1e-6);
			}
		}
	}
}
