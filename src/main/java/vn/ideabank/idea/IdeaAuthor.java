package vn.ideabank.idea;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An author: a member of the roster (with their login, if any) or a person named outside it. */
@Entity
@Table(name = "idea_author")
class IdeaAuthor {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "idea_id")
	private Idea idea;

	private int position;

	private Long memberId;

	private Long accountId;

	private String fullName;

	protected IdeaAuthor() {
	}

	IdeaAuthor(Long memberId, Long accountId, String fullName) {
		this.memberId = memberId;
		this.accountId = accountId;
		this.fullName = fullName;
	}

	void attach(Idea idea, int position) {
		this.idea = idea;
		this.position = position;
	}

	Long accountId() {
		return accountId;
	}

	IdeaView.Author view() {
		return new IdeaView.Author(memberId, fullName);
	}
}
