package vn.ideabank.idea;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.member.TargetGroup;

/** An idea or initiative. Its content changes only while editable; its status only through the lifecycle. */
@Entity
@Table(name = "idea")
class Idea {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private long unitId;

	private String unitPath;

	private int year;

	@Enumerated(EnumType.STRING)
	private IdeaKind kind;

	private String title;

	private String summary;

	private String problem;

	private String solution;

	private String novelty;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "idea_benefit", joinColumns = @JoinColumn(name = "idea_id"))
	@Column(name = "benefit")
	@Enumerated(EnumType.STRING)
	private Set<Benefit> benefits = EnumSet.noneOf(Benefit.class);

	private String benefitsOther;

	private String scopeWhere;

	private String scopeWhen;

	private String scopeConditions;

	@Enumerated(EnumType.STRING)
	private ApplicationArea applicationArea;

	@Enumerated(EnumType.STRING)
	private SectorField sectorField;

	@Enumerated(EnumType.STRING)
	private TargetGroup targetGroup;

	private String videoLinks;

	private boolean publicOptOut;

	@Enumerated(EnumType.STRING)
	private IdeaStatus status = IdeaStatus.DRAFT;

	private String appliedWhere;

	private LocalDate appliedSince;

	private String appliedEffect;

	private String portalCode;

	private String portalUrl;

	private Instant portalPostedAt;

	private long createdBy;

	/** Whether whoever entered the idea is one of its authors (not an officer typing it in for them). */
	private boolean createdByAuthor;

	private Instant createdAt = Instant.now();

	private Instant submittedAt;

	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@OneToMany(mappedBy = "idea", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<IdeaAuthor> authors = new ArrayList<>();

	protected Idea() {
	}

	Idea(String code, long unitId, String unitPath, long createdBy, boolean createdByAuthor, IdeaContent content,
			List<IdeaAuthor> authors) {
		this.code = code;
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.createdBy = createdBy;
		this.createdByAuthor = createdByAuthor;
		write(content);
		replaceAuthors(authors);
	}

	void edit(IdeaContent content, List<IdeaAuthor> authors) {
		write(content);
		replaceAuthors(authors);
		updatedAt = Instant.now();
	}

	private void write(IdeaContent c) {
		this.year = c.year();
		this.kind = c.kind();
		this.title = c.title();
		this.summary = c.summary();
		this.problem = c.problem();
		this.solution = c.solution();
		this.novelty = c.novelty();
		this.benefits = c.benefits() == null || c.benefits().isEmpty() ? EnumSet.noneOf(Benefit.class) : EnumSet.copyOf(c.benefits());
		this.benefitsOther = c.benefitsOther();
		this.scopeWhere = c.scopeWhere();
		this.scopeWhen = c.scopeWhen();
		this.scopeConditions = c.scopeConditions();
		this.applicationArea = c.applicationArea();
		this.sectorField = c.sectorField();
		this.targetGroup = c.targetGroup();
		this.videoLinks = c.videoLinks();
		this.publicOptOut = c.publicOptOut();
	}

	private void replaceAuthors(List<IdeaAuthor> next) {
		authors.clear();
		int position = 0;
		for (IdeaAuthor a : next) {
			a.attach(this, position++);
			authors.add(a);
		}
	}

	/** Moves to the transition's target status; the caller has checked the actor and the reason. */
	void move(IdeaLifecycle.Transition t) {
		status = t.to();
		if (t.step() == IdeaStep.SUBMIT && submittedAt == null) {
			submittedAt = Instant.now();
		}
		updatedAt = Instant.now();
	}

	void recordApplication(String where, LocalDate since, String effect) {
		this.appliedWhere = where;
		this.appliedSince = since;
		this.appliedEffect = effect;
	}

	void markPostedToPortal(String portalCode, String portalUrl) {
		this.portalCode = portalCode;
		this.portalUrl = portalUrl;
		this.portalPostedAt = Instant.now();
		updatedAt = Instant.now();
	}

	/** The first content field a submission still lacks, as the form field's name. */
	String firstMissingForSubmission() {
		return content().missingForSubmission().stream().findFirst().orElse(null);
	}

	private IdeaContent content() {
		return new IdeaContent(year, kind, title, summary, problem, solution, novelty, benefits, benefitsOther, scopeWhere,
				scopeWhen, scopeConditions, applicationArea, sectorField, targetGroup, videoLinks, publicOptOut);
	}

	boolean publiclyVisible() {
		return status.isPublic() && !publicOptOut;
	}

	Long id() { return id; }
	String code() { return code; }
	long unitId() { return unitId; }
	String unitPath() { return unitPath; }
	IdeaStatus status() { return status; }
	long createdBy() { return createdBy; }
	boolean createdByAuthor() { return createdByAuthor; }
	long version() { return version; }
	List<IdeaAuthor> authors() { return authors; }

	/** A list row: no authors or benefits, so a page of ideas costs no query per row. */
	IdeaSummary listRow() {
		return new IdeaSummary(id, code, unitId, year, kind, title, status, sectorField, targetGroup, updatedAt);
	}

	IdeaView view() {
		return new IdeaView(id, code, unitId, year, kind, title, summary, problem, solution, novelty,
				benefits.isEmpty() ? Set.of() : EnumSet.copyOf(benefits), benefitsOther, scopeWhere, scopeWhen,
				scopeConditions, applicationArea, sectorField, targetGroup, videoLinks, publicOptOut, status, appliedWhere,
				appliedSince, appliedEffect, portalCode, portalUrl, portalPostedAt, createdBy, createdAt, submittedAt,
				updatedAt, version, authors.stream().map(IdeaAuthor::view).toList());
	}
}
