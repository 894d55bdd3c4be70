package vn.ideabank.common.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The current request's path and query with one parameter replaced: links that keep the filters. */
public final class CurrentUrl {

	private CurrentUrl() {
	}

	public static String with(String param, Object value) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(param, value)
			.build().toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}
}
