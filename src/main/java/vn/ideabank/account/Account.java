package vn.ideabank.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private AccountKind kind;

	private Long unitId;

	/** A copy of the unit's path, for subtree filters; see UnitMoved. */
	private String unitPath;

	private boolean enabled = true;

	private String locale;

	private Instant passwordChangedAt = Instant.now();

	private Instant lastLoginAt;

	@Version
	private long version;

	private Instant createdAt = Instant.now();

	protected Account() {
	}

	Account(String username, String displayName, String email, String passwordHash, AccountKind kind, Long unitId,
			String unitPath) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.kind = kind;
		this.unitId = unitId;
		this.unitPath = unitPath;
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangedAt = Instant.now();
	}

	void edit(String displayName, String email) {
		this.displayName = displayName;
		this.email = email;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	AccountView view() {
		return new AccountView(id, username, displayName, email, kind, unitId, enabled, lastLoginAt, createdAt, version);
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	String unitPath() {
		return unitPath;
	}

	Long unitId() {
		return unitId;
	}

	boolean enabled() {
		return enabled;
	}

	long version() {
		return version;
	}
}
