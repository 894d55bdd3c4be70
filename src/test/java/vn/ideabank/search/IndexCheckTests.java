package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ideabank.search.IndexCheck.Verdict;

/** The start-up check's decision: writes in flight are not staleness; only a really incomplete index is rebuilt. */
class IndexCheckTests {

	private static final IndexState.Stamp BUILT = new IndexState.Stamp("m1", false);

	private static Verdict verdict(long indexed, long inDatabase, long pending, IndexState.Stamp stamp) {
		return new IndexCheck(indexed, inDatabase, pending, stamp, "m1").verdict();
	}

	@Test
	void ideasWrittenWhileTheApplicationStartsAreNotStaleness() {
		// 40 ideas created and 3 deleted since the index last caught up, all still waiting in the outbox
		assertThat(verdict(10_000, 10_040, 40, BUILT)).isEqualTo(Verdict.CURRENT);
		assertThat(verdict(10_000, 9_997, 3, BUILT)).isEqualTo(Verdict.CURRENT);
		assertThat(verdict(10_000, 10_000, 0, BUILT)).isEqualTo(Verdict.CURRENT);
		// a new installation whose first ideas are being indexed
		assertThat(verdict(0, 3, 3, null)).isEqualTo(Verdict.CURRENT);
		assertThat(verdict(0, 0, 0, null)).isEqualTo(Verdict.CURRENT);
	}

	@Test
	void anIndexThatMissesMoreThanTheOutboxExplainsIsRebuilt() {
		assertThat(verdict(10_000, 10_041, 40, BUILT)).isEqualTo(Verdict.BEHIND);
		assertThat(verdict(10_005, 10_000, 0, BUILT)).isEqualTo(Verdict.BEHIND);
		assertThat(verdict(0, 6_101, 0, BUILT)).isEqualTo(Verdict.EMPTY);
		assertThat(verdict(0, 6_101, 5, null)).isEqualTo(Verdict.EMPTY);
	}

	@Test
	void anInterruptedRebuildOrAnotherMappingIsRebuiltEvenWhenTheCountsAgree() {
		assertThat(verdict(6_101, 6_101, 0, new IndexState.Stamp("m1", true))).isEqualTo(Verdict.INTERRUPTED);
		assertThat(verdict(6_101, 6_101, 0, new IndexState.Stamp(null, true))).isEqualTo(Verdict.INTERRUPTED);
		assertThat(verdict(6_101, 6_101, 0, new IndexState.Stamp("m0", false))).isEqualTo(Verdict.OLD_MAPPING);
		// an index from before the state file existed, complete: kept (and stamped)
		assertThat(verdict(6_101, 6_101, 0, null)).isEqualTo(Verdict.CURRENT);
	}
}
