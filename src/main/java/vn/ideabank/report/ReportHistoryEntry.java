package vn.ideabank.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who changed a report's state, when, and why. */
@Entity
@Table(name = "report_history")
class ReportHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long reportId;

	private Instant at = Instant.now();

	private long actorId;

	private String actorName;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private ReportStatus from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status")
	private ReportStatus to;

	private String comment;

	protected ReportHistoryEntry() {
	}

	ReportHistoryEntry(long reportId, long actorId, String actorName, ReportStatus from, ReportStatus to, String comment) {
		this.reportId = reportId;
		this.actorId = actorId;
		this.actorName = actorName;
		this.from = from;
		this.to = to;
		this.comment = comment;
	}

	ReportHistoryView view() {
		return new ReportHistoryView(at, actorName, from, to, comment);
	}
}
