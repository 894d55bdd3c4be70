package vn.ideabank.org;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.ideabank.common.error.BusinessException;

/** A union body in the tree. Never hard-deleted once it exists: it is deactivated instead. */
@Entity
@Table(name = "org_unit")
class Unit {

	/** Assigned from {@code org_unit_seq} before insert: the path needs it. */
	@Id
	private Long id;

	private String code;

	private String name;

	private String levelName;

	@Enumerated(EnumType.STRING)
	private UnitKind kind;

	private Long parentId;

	/** Ids from the root down to this unit, each closed by a slash: {@code /1/7/42/}. */
	private String path;

	private int depth;

	private int memberCount;

	private boolean active = true;

	@Version
	private Long version;

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	protected Unit() {
	}

	Unit(long id, String code, String name, String levelName, UnitKind kind, int memberCount, Unit parent) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.levelName = levelName;
		this.kind = kind;
		this.memberCount = memberCount;
		placeUnder(parent);
	}

	void edit(String name, String levelName, UnitKind kind, int memberCount) {
		this.name = name;
		this.levelName = levelName;
		this.kind = kind;
		this.memberCount = memberCount;
		touch();
	}

	/** Moves this unit; the caller rewrites the descendants' paths from {@link #path()} afterwards. */
	void placeUnder(Unit parent) {
		if (parent != null && path != null && parent.path.startsWith(path)) {
			throw new BusinessException("parentId", "unit.error.moveUnderSelf");
		}
		if (parent != null && !parent.active) {
			throw new BusinessException("parentId", "unit.error.parentInactive");
		}
		this.parentId = parent == null ? null : parent.id;
		this.path = (parent == null ? "/" : parent.path) + id + "/";
		this.depth = parent == null ? 0 : parent.depth + 1;
		touch();
	}

	void deactivate() {
		active = false;
		touch();
	}

	void activate(Unit parent) {
		if (parent != null && !parent.active) {
			throw new BusinessException("unit.error.parentInactive");
		}
		active = true;
		touch();
	}

	private void touch() {
		updatedAt = Instant.now();
	}

	Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	String levelName() {
		return levelName;
	}

	UnitKind kind() {
		return kind;
	}

	Long parentId() {
		return parentId;
	}

	String path() {
		return path;
	}

	int depth() {
		return depth;
	}

	int memberCount() {
		return memberCount;
	}

	boolean active() {
		return active;
	}

	long version() {
		return version == null ? 0 : version;
	}

	UnitView view() {
		return new UnitView(id, code, name, levelName, kind, parentId, path, depth, memberCount, active, version());
	}
}
