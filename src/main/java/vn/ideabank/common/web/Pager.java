package vn.ideabank.common.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;

/**
 * A page of results with links to its neighbours that keep the request's filters, for the
 * {@code fragments/pager} fragment. Filters live in the URL so a list can be bookmarked and shared.
 */
public record Pager<T>(Page<T> page, String previous, String next, List<Link> links) {

	public record Link(int number, String url, boolean current) {
	}

	public static <T> Pager<T> of(Page<T> page) {
		int current = page.getNumber();
		int last = Math.max(0, page.getTotalPages() - 1);
		List<Link> links = new ArrayList<>();
		for (int n = Math.max(0, current - 3); n <= Math.min(last, current + 3); n++) {
			links.add(new Link(n + 1, url(n), n == current));
		}
		return new Pager<>(page, page.hasPrevious() ? url(current - 1) : null, page.hasNext() ? url(current + 1) : null,
				links);
	}

	private static String url(int pageIndex) {
		return CurrentUrl.with("page", pageIndex);
	}
}
