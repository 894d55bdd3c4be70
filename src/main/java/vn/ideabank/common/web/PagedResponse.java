package vn.ideabank.common.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** The JSON shape of a page in the API: stable whatever Spring Data's Page looks like inside. */
public record PagedResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> PagedResponse<T> of(Page<T> page) {
		return new PagedResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}
}
