package vn.ideabank.idea.web;

import org.springframework.web.util.UriComponentsBuilder;

import vn.ideabank.idea.IdeaView;

/** Fast entry of paper ideas: the next, empty form keeps what the idea just saved had in common with it. */
final class FastEntry {

	private FastEntry() {
	}

	/** "/ideas/new?unitId=…&year=…&kind=…" with the fields set, and the endorse choice when one was made. */
	static String nextForm(IdeaView created, Boolean endorse) {
		UriComponentsBuilder next = UriComponentsBuilder.fromPath("/ideas/new")
			.queryParam("unitId", created.unitId())
			.queryParam("year", created.year())
			.queryParam("kind", created.kind());
		if (created.sectorField() != null) {
			next.queryParam("sectorField", created.sectorField());
		}
		if (created.applicationArea() != null) {
			next.queryParam("applicationArea", created.applicationArea());
		}
		if (created.targetGroup() != null) {
			next.queryParam("targetGroup", created.targetGroup());
		}
		if (endorse != null) {
			next.queryParam("endorse", endorse);
		}
		return next.build().toUriString();
	}
}
