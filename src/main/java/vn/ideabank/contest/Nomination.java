package vn.ideabank.contest;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An idea nominated to a contest by a unit, using that unit's quota. */
@Entity
@Table(name = "contest_nomination")
class Nomination {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long contestId;

	private long ideaId;

	private String ideaCode;

	private String ideaTitle;

	private String authors;

	private long unitId;

	private String unitPath;

	private String unitName;

	/** The idea's own unit (the nominating unit may be above it), for the conflict-of-interest rule. */
	private String ideaUnitPath;

	/** Comma-separated accounts whose idea it is (who entered it, authors with a login). */
	private String ownerAccountIds = "";

	private long nominatedBy;

	private Instant nominatedAt;

	@Enumerated(EnumType.STRING)
	private AwardTier awardTier;

	private String awardName;

	@Version
	private long version;

	protected Nomination() {
	}

	Nomination(long contestId, long ideaId, String ideaCode, String ideaTitle, String authors, long unitId, String unitPath,
			String unitName, String ideaUnitPath, String ownerAccountIds, long nominatedBy, Instant nominatedAt) {
		this.contestId = contestId;
		this.ideaId = ideaId;
		this.ideaCode = ideaCode;
		this.ideaTitle = ideaTitle;
		this.authors = authors;
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.unitName = unitName;
		this.ideaUnitPath = ideaUnitPath;
		this.ownerAccountIds = ownerAccountIds;
		this.nominatedBy = nominatedBy;
		this.nominatedAt = nominatedAt;
	}

	void award(AwardTier tier, String name) {
		this.awardTier = tier;
		this.awardName = tier == AwardTier.CUSTOM ? name : null;
	}

	NominationView view(String certificateCode) {
		return new NominationView(id, contestId, ideaId, ideaCode, ideaTitle, authors, unitId, unitName, nominatedAt,
				awardTier, awardName, certificateCode, version);
	}

	Long id() {
		return id;
	}

	long contestId() {
		return contestId;
	}

	long ideaId() {
		return ideaId;
	}

	/** The nominating unit's path. */
	String unitPath() {
		return unitPath;
	}

	String ideaTitle() {
		return ideaTitle;
	}

	String authors() {
		return authors;
	}

	String unitName() {
		return unitName;
	}

	AwardTier awardTier() {
		return awardTier;
	}

	String awardName() {
		return awardName;
	}

	long version() {
		return version;
	}
}
