package vn.ideabank.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One upload of a unit's plan document; resubmissions add rows, so the history stays. */
@Entity
@Table(name = "report_plan_submission")
class PlanSubmission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long targetId;

	private String fileName;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	private String sha256;

	private String storageKey;

	private boolean late;

	private long submittedBy;

	private String submittedByName;

	private Instant submittedAt;

	protected PlanSubmission() {
	}

	PlanSubmission(long targetId, String fileName, String contentType, long size, String sha256, String storageKey,
			boolean late, long submittedBy, String submittedByName, Instant submittedAt) {
		this.targetId = targetId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.late = late;
		this.submittedBy = submittedBy;
		this.submittedByName = submittedByName;
		this.submittedAt = submittedAt;
	}

	long targetId() {
		return targetId;
	}

	String storageKey() {
		return storageKey;
	}

	String fileName() {
		return fileName;
	}

	String contentType() {
		return contentType;
	}

	PlanSubmissionView view() {
		return new PlanSubmissionView(id, fileName, contentType, size, late, submittedByName, submittedAt);
	}
}
