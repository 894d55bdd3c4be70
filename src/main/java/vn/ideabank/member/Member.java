package vn.ideabank.member;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One person on a unit's roster, with or without a login (account). */
@Entity
@Table(name = "member")
class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long unitId;

	/** A copy of the unit's path, for subtree filters; rewritten on UnitMoved. */
	private String unitPath;

	private String fullName;

	/** Lower case without diacritics, for loose search; see {@link #keyOf(String)}. */
	private String nameKey;

	private LocalDate dateOfBirth;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	@Enumerated(EnumType.STRING)
	private TargetGroup targetGroup;

	private String phone;

	private String email;

	@Enumerated(EnumType.STRING)
	private MemberStatus status;

	private Long accountId;

	@Version
	private long version;

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	private Long createdBy;

	protected Member() {
	}

	Member(long unitId, String unitPath, Long createdBy) {
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.createdBy = createdBy;
	}

	void edit(String fullName, LocalDate dateOfBirth, Gender gender, TargetGroup targetGroup, String phone,
			String email, MemberStatus status) {
		this.fullName = fullName;
		this.nameKey = keyOf(fullName);
		this.dateOfBirth = dateOfBirth;
		this.gender = gender;
		this.targetGroup = targetGroup;
		this.phone = phone;
		this.email = email;
		this.status = status;
		this.updatedAt = Instant.now();
	}

	void placeIn(long unitId, String unitPath) {
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.updatedAt = Instant.now();
	}

	void linkAccount(Long accountId) {
		this.accountId = accountId;
		this.updatedAt = Instant.now();
	}

	static String keyOf(String text) {
		return text == null ? null
				: vn.ideabank.common.text.TextNormalizer.fold(vn.ideabank.common.text.TextNormalizer.normalize(text))
					.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
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

	String fullName() {
		return fullName;
	}

	LocalDate dateOfBirth() {
		return dateOfBirth;
	}

	Long accountId() {
		return accountId;
	}

	long version() {
		return version;
	}

	MemberView view() {
		return new MemberView(id, unitId, fullName, dateOfBirth, gender, targetGroup, phone, email, status, accountId,
				version);
	}
}
