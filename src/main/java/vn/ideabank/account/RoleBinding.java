package vn.ideabank.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.ideabank.common.security.Role;

@Entity
@Table(name = "role_binding")
class RoleBinding {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long accountId;

	@Enumerated(EnumType.STRING)
	private Role role;

	/** null: system-wide (administrators only). */
	private Long unitId;

	private Instant createdAt = Instant.now();

	private Long createdBy;

	protected RoleBinding() {
	}

	RoleBinding(long accountId, Role role, Long unitId, Long createdBy) {
		this.accountId = accountId;
		this.role = role;
		this.unitId = unitId;
		this.createdBy = createdBy;
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	Role role() {
		return role;
	}

	Long unitId() {
		return unitId;
	}
}
