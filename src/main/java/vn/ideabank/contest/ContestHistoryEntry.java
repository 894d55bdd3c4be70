package vn.ideabank.contest;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded change of a contest or of one of its entries. */
@Entity
@Table(name = "contest_history")
class ContestHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long contestId;

	private Long nominationId;

	private Instant at = Instant.now();

	private long actorId;

	private String actorName;

	private String action;

	private String detail;

	protected ContestHistoryEntry() {
	}

	ContestHistoryEntry(long contestId, Long nominationId, long actorId, String actorName, String action, String detail) {
		this.contestId = contestId;
		this.nominationId = nominationId;
		this.actorId = actorId;
		this.actorName = actorName;
		this.action = action;
		this.detail = detail;
	}

	ContestHistoryView view() {
		return new ContestHistoryView(at, actorName, "contest.history." + action, detail);
	}
}
