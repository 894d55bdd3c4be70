package vn.ideabank.idea;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message in the idea's conversation, or an internal note its authors never see. */
@Entity
@Table(name = "idea_comment")
class IdeaComment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ideaId;

	private Instant at = Instant.now();

	private long authorId;

	private String authorName;

	private boolean internal;

	private String body;

	protected IdeaComment() {
	}

	IdeaComment(long ideaId, long authorId, String authorName, boolean internal, String body) {
		this.ideaId = ideaId;
		this.authorId = authorId;
		this.authorName = authorName;
		this.internal = internal;
		this.body = body;
	}

	IdeaView.Comment view() {
		return new IdeaView.Comment(id, at, authorName, internal, body);
	}
}
