package vn.ideabank.common.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Page requests from untrusted numbers: negative and huge pages and huge sizes are clamped. */
public final class PageSizes {

	public static final int DEFAULT = 20;

	public static final int MAX = 100;

	private PageSizes() {
	}

	public static Pageable of(Integer page, Integer size, Sort sort) {
		int s = size == null || size < 1 ? DEFAULT : Math.min(size, MAX);
		// past the last page an offset can name (the database takes an int), the page is empty all the same
		int p = page == null || page < 0 ? 0 : Math.min(page, Integer.MAX_VALUE / s - 1);
		return PageRequest.of(p, s, sort);
	}
}
