package vn.ideabank.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.ideabank.quota.TargetKind;

/** A unit's report for one period; statistics are snapshotted on submission, narratives are typed. */
@Entity
@Table(name = "report_periodic")
class PeriodicReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long unitId;

	private String unitPath;

	@Enumerated(EnumType.STRING)
	@Column(name = "period_kind")
	private PeriodKind kind;

	@Column(name = "period_year")
	private int year;

	@Column(name = "period_no")
	private int number;

	private boolean consolidated;

	@Enumerated(EnumType.STRING)
	private ReportStatus status = ReportStatus.DRAFT;

	private String results;

	private String goodModels;

	private String difficulties;

	private String proposals;

	private String numberSymbol;

	private String signerName;

	private String placeName;

	private String returnComment;

	private Instant submittedAt;

	private Long submittedBy;

	private long createdBy;

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "report_figure", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<FigureRow> figures = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "report_child_part", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<ChildPartRow> childParts = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "report_progress", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<ProgressEntry> progress = new ArrayList<>();

	@Embeddable
	static class FigureRow {

		@Column(name = "grp")
		private String group;

		private String labelKey;

		private long value;

		private Long target;

		protected FigureRow() {
		}

		FigureRow(Figure f) {
			this.group = f.group();
			this.labelKey = f.labelKey();
			this.value = f.value();
			this.target = f.target();
		}

		Figure figure() {
			return new Figure(group, labelKey, value, target);
		}
	}

	/** A row of the progress table as it stood when the report was submitted. */
	@Embeddable
	static class ProgressEntry {

		@Enumerated(EnumType.STRING)
		private TargetKind targetKind;

		private String targetName;

		private boolean hasTarget;

		private Long yearTarget;

		private Long periodTarget;

		private Long actual;

		protected ProgressEntry() {
		}

		ProgressEntry(ProgressTable.Row r) {
			this.targetKind = r.kind();
			this.targetName = r.name();
			this.hasTarget = r.hasTarget();
			this.yearTarget = r.yearTarget();
			this.periodTarget = r.periodTarget();
			this.actual = r.actual();
		}

		ProgressTable.Row row() {
			return new ProgressTable.Row(targetKind, targetName, hasTarget, yearTarget, periodTarget, actual);
		}
	}

	@Embeddable
	static class ChildPartRow {

		private long childUnitId;

		private String unitName;

		private String results;

		private String goodModels;

		private String difficulties;

		private String proposals;

		protected ChildPartRow() {
		}

		ChildPartRow(ChildPart p) {
			this.childUnitId = p.unitId();
			this.unitName = p.unitName();
			this.results = p.results();
			this.goodModels = p.goodModels();
			this.difficulties = p.difficulties();
			this.proposals = p.proposals();
		}

		ChildPart part() {
			return new ChildPart(childUnitId, unitName, results, goodModels, difficulties, proposals);
		}
	}

	protected PeriodicReport() {
	}

	PeriodicReport(long unitId, String unitPath, ReportingPeriod period, long createdBy) {
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.kind = period.kind();
		this.year = period.year();
		this.number = period.number();
		this.createdBy = createdBy;
	}

	void write(ReportCommands.WriteReport c) {
		this.results = c.results();
		this.goodModels = c.goodModels();
		this.difficulties = c.difficulties();
		this.proposals = c.proposals();
		this.numberSymbol = c.numberSymbol();
		this.signerName = c.signerName();
		this.placeName = c.placeName();
		this.updatedAt = Instant.now();
	}

	void consolidate(List<ChildPart> parts) {
		this.consolidated = true;
		this.childParts.clear();
		parts.forEach(p -> childParts.add(new ChildPartRow(p)));
		this.updatedAt = Instant.now();
	}

	void submit(List<Figure> snapshot, List<ProgressTable.Row> progressRows, long by, Instant at) {
		this.figures.clear();
		snapshot.forEach(f -> figures.add(new FigureRow(f)));
		this.progress.clear();
		progressRows.forEach(r -> progress.add(new ProgressEntry(r)));
		this.status = ReportStatus.SUBMITTED;
		this.submittedAt = at;
		this.submittedBy = by;
		this.returnComment = null;
		this.updatedAt = at;
	}

	void returnForRevision(String comment) {
		this.status = ReportStatus.RETURNED;
		this.returnComment = comment;
		this.updatedAt = Instant.now();
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

	ReportingPeriod period() {
		return new ReportingPeriod(kind, year, number);
	}

	ReportStatus status() {
		return status;
	}

	long version() {
		return version;
	}

	boolean consolidated() {
		return consolidated;
	}

	List<Figure> snapshot() {
		return figures.stream().map(FigureRow::figure).toList();
	}

	/** The progress rows stored on submission; empty for a report never submitted (or submitted before V108). */
	List<ProgressTable.Row> progressSnapshot() {
		return progress.stream().map(ProgressEntry::row).toList();
	}

	ReportView view(String unitName, List<Figure> liveOrSnapshot) {
		return new ReportView(id, unitId, unitName, period(), consolidated, status, results, goodModels, difficulties,
				proposals, numberSymbol, signerName, placeName, returnComment, submittedAt, updatedAt, version,
				liveOrSnapshot, childParts.stream().map(ChildPartRow::part).toList());
	}
}
