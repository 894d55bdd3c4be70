package vn.ideabank.search;

import java.time.Instant;

import org.springframework.stereotype.Service;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;

/** The index's state and its rebuild, and the search nodes, for system-wide administrators. */
@Service
public class SearchAdmin {

	private final SearchIndexing indexing;

	private final ChangeLog log;

	SearchAdmin(SearchIndexing indexing, ChangeLog log) {
		this.indexing = indexing;
		this.log = log;
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

	/**
	 * A search node (an app node's own index) as the change log knows it: name, host, cursor ({@code txid:id}),
	 * last heartbeat and seconds since, live (within the live window), the log's rows it has not indexed yet and
	 * the age in seconds of the oldest of them (its lag), and whether it is the node answering.
	 */
	public record NodeStatus(String name, String host, String cursor, Instant lastSeen, long secondsSinceSeen, boolean live,
			long behind, long lagSeconds, boolean thisNode) {
	}

	/** The nodes of {@code search_node}, the most recently seen first (docs/search.md, "Several nodes"). */
	public java.util.List<NodeStatus> nodes(Caller caller) {
		check(caller);
		String self = log.node();
		return log.nodes().stream()
			.map(n -> new NodeStatus(n.name(), n.host(), n.cursor().txid() + ":" + n.cursor().id(), n.lastSeen(),
					n.secondsSinceSeen(), n.live(), n.behind(), n.lagSeconds(), n.name().equals(self)))
			.toList();
	}

	/** Starts a full rebuild in the background; false when one is already running. */
	public boolean rebuild(Caller caller) {
		check(caller);
		return indexing.startRebuild(caller.username());
	}

	/** Refuses anyone but a system-wide administrator (the index, the thesaurus and the nodes concern every unit). */
	static void check(Caller caller) {
		if (caller.grants().stream().noneMatch(g -> g.role() == Role.ADMIN && g.systemWide())) {
			throw new ForbiddenException();
		}
	}
}
