package vn.ideabank.search;

import java.time.Instant;

import org.springframework.stereotype.Service;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;

/** The index's state and its rebuild, for system-wide administrators. */
@Service
public class SearchAdmin {

	private final SearchIndexing indexing;

	SearchAdmin(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	public record IndexStatus(long indexed, long inDatabase, long pending, boolean rebuilding, long done, long total,
			int percent, String error, Instant rebuiltAt, String rebuiltBy) {

		public boolean consistent() {
			return indexed == inDatabase && pending == 0;
		}
	}

	public IndexStatus status(Caller caller) {
		check(caller);
		var s = indexing.status();
		return new IndexStatus(s.indexed(), s.inDatabase(), s.pending(), s.rebuilding(), s.done(), s.total(), s.percent(),
				s.error(), s.rebuiltAt(), s.rebuiltBy());
	}

	/** Starts a full rebuild in the background; false when one is already running. */
	public boolean rebuild(Caller caller) {
		check(caller);
		return indexing.startRebuild(caller.username());
	}

	private static void check(Caller caller) {
		if (caller.grants().stream().noneMatch(g -> g.role() == Role.ADMIN && g.systemWide())) {
			throw new ForbiddenException();
		}
	}
}
