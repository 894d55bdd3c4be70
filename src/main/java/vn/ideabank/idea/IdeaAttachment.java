package vn.ideabank.idea;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "idea_attachment")
class IdeaAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ideaId;

	private String fileName;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	private String sha256;

	private String storageKey;

	private long uploadedBy;

	private Instant uploadedAt = Instant.now();

	protected IdeaAttachment() {
	}

	IdeaAttachment(long ideaId, String fileName, String contentType, long size, String sha256, String storageKey,
			long uploadedBy) {
		this.ideaId = ideaId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
	}

	long ideaId() {
		return ideaId;
	}

	String storageKey() {
		return storageKey;
	}

	AttachmentView view() {
		return new AttachmentView(id, fileName, contentType, size, uploadedAt);
	}
}
