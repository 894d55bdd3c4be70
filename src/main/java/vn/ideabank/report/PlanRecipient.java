package vn.ideabank.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One unit addressed by a plan request; the latest submission's time is copied here for the lists. */
@Entity
@Table(name = "report_plan_target")
class PlanRecipient {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long requestId;

	private long unitId;

	private String unitPath;

	private Instant submittedAt;

	private Instant firstSubmittedAt;

	private int submissionCount;

	@Version
	private long version;

	protected PlanRecipient() {
	}

	PlanRecipient(long requestId, long unitId, String unitPath) {
		this.requestId = requestId;
		this.unitId = unitId;
		this.unitPath = unitPath;
	}

	void submitted(Instant at) {
		if (firstSubmittedAt == null) {
			firstSubmittedAt = at;
		}
		submittedAt = at;
		submissionCount++;
	}

	Long id() {
		return id;
	}

	long requestId() {
		return requestId;
	}

	long unitId() {
		return unitId;
	}

	String unitPath() {
		return unitPath;
	}

	Instant firstSubmittedAt() {
		return firstSubmittedAt;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	int submissionCount() {
		return submissionCount;
	}
}
