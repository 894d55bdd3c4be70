package vn.ideabank.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** A contest organised by an office at its unit. */
@Entity
@Table(name = "contest")
class Contest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long unitId;

	private String unitPath;

	@Enumerated(EnumType.STRING)
	private ContestKind kind;

	private String name;

	private int year;

	/** Comma-separated enum names; empty means every group. */
	private String targetGroups = "";

	private Integer minAge;

	private Integer maxAge;

	/** Comma-separated enum names; empty means every field. */
	private String sectorFields = "";

	private LocalDate nominationOpens;

	private LocalDate nominationCloses;

	private int defaultQuota;

	@Enumerated(EnumType.STRING)
	private ContestStatus status = ContestStatus.DRAFT;

	private Instant resultsPublishedAt;

	private boolean votingOpen;

	private long createdBy;

	private String signerName;

	private String signerTitle;

	private String decisionNumber;

	private LocalDate decisionDate;

	private Instant createdAt = Instant.now();

	@Version
	private long version;

	protected Contest() {
	}

	Contest(long unitId, String unitPath, ContestCommands.CreateContest c, long createdBy) {
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.kind = c.kind();
		this.name = c.name();
		this.year = c.year();
		this.targetGroups = join(c.targetGroups());
		this.minAge = c.minAge();
		this.maxAge = c.maxAge();
		this.sectorFields = join(c.sectorFields());
		this.nominationOpens = c.nominationOpens();
		this.nominationCloses = c.nominationCloses();
		this.defaultQuota = c.defaultQuota();
		this.createdBy = createdBy;
	}

	private static String join(Set<? extends Enum<?>> values) {
		return values == null ? "" : values.stream().filter(java.util.Objects::nonNull).map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	Set<TargetGroup> targetGroupSet() {
		EnumSet<TargetGroup> set = EnumSet.noneOf(TargetGroup.class);
		Arrays.stream(targetGroups.split(",")).filter(s -> !s.isBlank()).map(TargetGroup::valueOf).forEach(set::add);
		return set;
	}

	Set<SectorField> sectorFieldSet() {
		EnumSet<SectorField> set = EnumSet.noneOf(SectorField.class);
		Arrays.stream(sectorFields.split(",")).filter(s -> !s.isBlank()).map(SectorField::valueOf).forEach(set::add);
		return set;
	}

	void advance(ContestStatus to, Instant now) {
		this.status = to;
		if (to == ContestStatus.PUBLISHED) {
			this.resultsPublishedAt = now;
			this.votingOpen = false;
		}
	}

	void decide(ContestCommands.AwardDecision d) {
		this.signerName = d.signerName();
		this.signerTitle = d.signerTitle();
		this.decisionNumber = d.decisionNumber();
		this.decisionDate = d.decisionDate();
	}

	ContestCommands.AwardDecision decision() {
		return new ContestCommands.AwardDecision(signerName, signerTitle, decisionNumber, decisionDate);
	}

	void setVotingOpen(boolean open) {
		this.votingOpen = open;
	}

	boolean votingOpen() {
		return votingOpen;
	}

	ContestView view(String unitName, boolean manageable) {
		return new ContestView(id, unitId, unitName, kind, name, year, targetGroupSet(), minAge, maxAge, sectorFieldSet(),
				nominationOpens, nominationCloses, defaultQuota, status, resultsPublishedAt, votingOpen, version, manageable,
				decision());
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

	String name() {
		return name;
	}

	int year() {
		return year;
	}

	LocalDate nominationOpens() {
		return nominationOpens;
	}

	LocalDate nominationCloses() {
		return nominationCloses;
	}

	int defaultQuota() {
		return defaultQuota;
	}

	ContestStatus status() {
		return status;
	}

	long version() {
		return version;
	}
}
