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

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.member.TargetGroup;

/**
 * An idea or initiative. Its content changes only while editable; its status only through the lifecycle.
 * <p>
 * The search index is part of its persistence, like a database index: the field mapping is here, the
 * analyzer names and every query live in the {@code search} module, which never imports this class.
 * Index writes go through the search module's outbox (filled by a trigger in the same transaction).
 */
@Entity
@Table(name = "idea")
@Indexed(index = "idea")
class Idea {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@GenericField(name = "ideaId")
	private Long id;

	@KeywordField(projectable = Projectable.YES, normalizer = "vi_keyword")
	private String code;

	@GenericField(projectable = Projectable.YES, aggregable = Aggregable.YES)
	private long unitId;

	@KeywordField
	private String unitPath;

	/**
	 * The unit's current name, read from the org tables whenever the idea is loaded (so indexing and a rebuild
	 * always see today's name); a rename queues the unit's ideas for re-indexing (trigger, V90).
	 */
	@org.hibernate.annotations.Formula("(select u.name from org_unit u where u.id = unit_id)")
	@KeywordField(projectable = Projectable.YES, searchable = Searchable.NO) // shown by a search hit without a database query
	private String unitName;

	@GenericField(projectable = Projectable.YES, aggregable = Aggregable.YES, sortable = Sortable.YES)
	private int year;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private IdeaKind kind;

	// stored for the search's own highlighter (search.SearchHighlights); no term vectors (they doubled the index's
	// size and build time)
	@FullTextField(name = "title_folded", analyzer = "vi_folded", projectable = Projectable.YES)
	@FullTextField(name = "title_bigram", analyzer = "vi_bigram")
	private String title;

	private String summary;

	private String problem;

	private String solution;

	private String novelty;

	@ElementCollection(fetch = FetchType.LAZY)
	@org.hibernate.annotations.BatchSize(size = 100) // a bulk submission checks each idea's benefits: per batch, not per idea
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
	@KeywordField(aggregable = Aggregable.YES)
	private SectorField sectorField;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private TargetGroup targetGroup;

	private String videoLinks;

	@GenericField
	private boolean publicOptOut;

	@Enumerated(EnumType.STRING)
	@KeywordField(projectable = Projectable.YES, aggregable = Aggregable.YES)
	private IdeaStatus status = IdeaStatus.DRAFT;

	private String appliedWhere;

	private LocalDate appliedSince;

	private String appliedEffect;

	private String portalCode;

	private String portalUrl;

	private Instant portalPostedAt;

	/** The older idea this one repeats ("trùng với"), with its code; null when not a duplicate. */
	@Column(name = "duplicate_of")
	private Long duplicateOfId;

	private String duplicateOfCode;

	private Long duplicateMarkedBy;

	private Instant duplicateMarkedAt;

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
	@org.hibernate.annotations.BatchSize(size = 100) // indexing loads ideas in batches: their authors too
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

	/** Marks the idea as repeating {@code original} (checked by {@link IdeaDuplicates}); it then leaves every count. */
	void markDuplicateOf(Idea original, long markedBy) {
		this.duplicateOfId = original.id();
		this.duplicateOfCode = original.code();
		this.duplicateMarkedBy = markedBy;
		this.duplicateMarkedAt = Instant.now();
		updatedAt = Instant.now();
	}

	void unmarkDuplicate() {
		this.duplicateOfId = null;
		this.duplicateOfCode = null;
		this.duplicateMarkedBy = null;
		this.duplicateMarkedAt = null;
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

	/** What the idea says, in one field for search (the index's {@code text_folded}, stored, and its kin). */
	@FullTextField(name = "text_folded", analyzer = "vi_folded", projectable = Projectable.YES)
	@FullTextField(name = "text_bigram", analyzer = "vi_bigram")
	@FullTextField(name = "text_sketch", analyzer = "vi_sketch", norms = Norms.NO)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchText() {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { summary, problem, solution, novelty, benefitsOther, appliedEffect }) {
			if (part != null && !part.isBlank()) {
				text.append(part).append('\n');
			}
		}
		return text.toString();
	}

	/**
	 * The title and the text with their diacritics, one field ({@code all_exact}): the search's ranking looks up each
	 * word of a query in every field of every index segment, so one field instead of a title's and a text's halves that
	 * work (the title already counts more through its folded words).
	 */
	@FullTextField(name = "all_exact", analyzer = "vi_exact")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchTitleAndText() {
		return (title == null ? "" : title) + "\n" + getSearchText();
	}

	/**
	 * Everything a search may find the idea by, folded into one field so the words a query requires are
	 * one conjunction Lucene can skip through: the title, the text, the labels of its kind, sector field and
	 * target group (Vietnamese, "Nông, lâm, ngư nghiệp") and its unit's name.
	 */
	@FullTextField(name = "all_folded", analyzer = "vi_folded")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchAll() {
		return String.join("\n", title == null ? "" : title, getSearchText(),
				IdeaSearchLabels.of(kind, sectorField, targetGroup), unitName == null ? "" : unitName);
	}

	/** Accounts that count as the idea's authors (see {@link IdeaAccess#isAuthor}), for the search's permission filter. */
	@GenericField(name = "owner")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public List<Long> getSearchOwners() {
		List<Long> owners = new ArrayList<>();
		if (createdByAuthor) {
			owners.add(createdBy);
		}
		for (IdeaAuthor a : authors) {
			if (a.accountId() != null) {
				owners.add(a.accountId());
			}
		}
		return owners;
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
	String title() { return title; }
	int year() { return year; }
	Instant createdAt() { return createdAt; }
	Long duplicateOfId() { return duplicateOfId; }
	String duplicateOfCode() { return duplicateOfCode; }

	/** A list row: no authors or benefits, so a page of ideas costs no query per row. */
	IdeaSummary listRow() {
		return new IdeaSummary(id, code, unitId, year, kind, title, status, sectorField, targetGroup, updatedAt,
				duplicateOfCode);
	}

	IdeaView view() {
		return new IdeaView(id, code, unitId, year, kind, title, summary, problem, solution, novelty,
				benefits.isEmpty() ? Set.of() : EnumSet.copyOf(benefits), benefitsOther, scopeWhere, scopeWhen,
				scopeConditions, applicationArea, sectorField, targetGroup, videoLinks, publicOptOut, status, appliedWhere,
				appliedSince, appliedEffect, portalCode, portalUrl, portalPostedAt, createdBy, createdAt, submittedAt,
				updatedAt, version, authors.stream().map(IdeaAuthor::view).toList(), duplicateOfId, duplicateOfCode,
				duplicateMarkedAt);
	}
}
