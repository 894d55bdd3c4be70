package vn.ideabank.report;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An office's request to its units for their implementation plan by a deadline. */
@Entity
@Table(name = "report_plan_request")
class PlanRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long unitId;

	private String unitPath;

	private String title;

	private int year;

	private LocalDate deadline;

	private String instructions;

	private String guidanceFileName;

	private String guidanceContentType;

	@Column(name = "guidance_size_bytes")
	private Long guidanceSize;

	private String guidanceStorageKey;

	private long createdBy;

	private Instant createdAt = Instant.now();

	@Version
	private long version;

	protected PlanRequest() {
	}

	PlanRequest(long unitId, String unitPath, String title, int year, LocalDate deadline, String instructions,
			long createdBy) {
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.title = title;
		this.year = year;
		this.deadline = deadline;
		this.instructions = instructions;
		this.createdBy = createdBy;
	}

	void attachGuidance(String fileName, String contentType, long size, String storageKey) {
		this.guidanceFileName = fileName;
		this.guidanceContentType = contentType;
		this.guidanceSize = size;
		this.guidanceStorageKey = storageKey;
	}

	Long id() {
		return id;
	}

	long unitId() {
		return unitId;
	}

	String unitPath() {
		return unitPath;
	}

	String title() {
		return title;
	}

	LocalDate deadline() {
		return deadline;
	}

	String guidanceFileName() {
		return guidanceFileName;
	}

	String guidanceContentType() {
		return guidanceContentType;
	}

	String guidanceStorageKey() {
		return guidanceStorageKey;
	}

	PlanRequestView view(String unitName, PlanRequestView.Counts counts) {
		return new PlanRequestView(id, unitId, unitName, title, year, deadline, instructions, guidanceFileName, createdAt,
				version, counts);
	}
}
