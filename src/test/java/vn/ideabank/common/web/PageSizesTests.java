package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class PageSizesTests {

	@Test
	void negativeAndHugePagesAndSizesAreClampedSoTheOffsetFitsTheDatabase() {
		assertThat(PageSizes.of(-1, 0, Sort.unsorted()).getPageNumber()).isZero();
		assertThat(PageSizes.of(null, 1_000_000, Sort.unsorted()).getPageSize()).isEqualTo(PageSizes.MAX);
		// page 999,999,999 of 20 used to make an offset past Integer.MAX_VALUE: a 500 on /public/ideas
		var huge = PageSizes.of(999_999_999, null, Sort.unsorted());
		assertThat(huge.getOffset()).isLessThanOrEqualTo(Integer.MAX_VALUE).isPositive();
		assertThat(PageSizes.of(Integer.MAX_VALUE, PageSizes.MAX, Sort.unsorted()).getOffset()).isLessThanOrEqualTo(Integer.MAX_VALUE);
	}
}
