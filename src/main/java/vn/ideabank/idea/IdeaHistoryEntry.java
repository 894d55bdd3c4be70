package vn.ideabank.idea;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded state change; never updated or deleted while the idea exists. */
@Entity
@Table(name = "idea_history")
class IdeaHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ideaId;

	private Instant at = Instant.now();

	private long actorId;

	private String actorName;

	/** A lifecycle step, or CREATE / EDIT / PORTAL for changes that keep the status. */
	private String step;

	@Enumerated(EnumType.STRING)
	private IdeaStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private IdeaStatus toStatus;

	private String comment;

	protected IdeaHistoryEntry() {
	}

	IdeaHistoryEntry(long ideaId, long actorId, String actorName, String step, IdeaStatus from, IdeaStatus to, String comment) {
		this.ideaId = ideaId;
		this.actorId = actorId;
		this.actorName = actorName;
		this.step = step;
		this.fromStatus = from;
		this.toStatus = to;
		this.comment = comment;
	}

	IdeaView.HistoryEntry view() {
		return new IdeaView.HistoryEntry(at, actorName, step, fromStatus, toStatus, comment);
	}
}
