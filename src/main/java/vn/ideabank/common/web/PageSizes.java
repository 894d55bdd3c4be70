package vn.ideabank.common.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Page requests from untrusted numbers: negative pages and huge sizes are clamped. */
public final class PageSizes {

	public static final int DEFAULT = 20;

	public static final int MAX = 100;

	private PageSizes() {
	}

	public static Pageable of(Integer page, Integer size, Sort sort) {
		int p = page == null || page < 0 ? 0 : page;
		int s = size == null || size < 1 ? DEFAULT : Math.min(size, MAX);
		return PageRequest.of(p, s, sort);
	}
}
