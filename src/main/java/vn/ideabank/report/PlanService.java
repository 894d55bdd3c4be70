package vn.ideabank.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.files.FileStore;
import vn.ideabank.common.files.UploadCheck;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanCommands.Upload;

/**
 * Plan requests: an office asks its units for their implementation plan by a deadline; each unit
 * uploads its document (checked by content); the office sees who is on time, late or missing.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

	/** What a plan document may be: Word or PDF. */
	private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("docx", "doc", "pdf");

	private final PlanRequestRepository requests;

	private final PlanRecipientRepository targets;

	private final PlanSubmissionRepository submissions;

	private final UnitService units;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long maxBytes;

	private final org.springframework.context.ApplicationEventPublisher events;

	PlanService(PlanRequestRepository requests, PlanRecipientRepository targets, PlanSubmissionRepository submissions,
			UnitService units, FileStore files, JdbcClient jdbc, ObjectProvider<Clock> clock,
			@Value("${ideabank.reports.max-upload-bytes:20971520}") long maxBytes,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.requests = requests;
		this.targets = targets;
		this.submissions = submissions;
		this.units = units;
		this.files = files;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.systemDefault()));
		this.maxBytes = maxBytes;
	}

	/** A stored file and its bytes, to hand to the browser. */
	public record Download(String fileName, String contentType, InputStream content) {
	}

	/** The request with the addressed units the caller may see and the reminder log. */
	public record PlanRequestDetails(PlanRequestView request, List<PlanRecipientView> targets, boolean office,
			List<ReminderView> reminders, List<Long> submittableUnitIds) {
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// --- reads ---------------------------------------------------------------------------------

	/** Requests the caller made (its office's subtree) or that address a unit the caller works in. */
	public Page<PlanRequestView> list(Caller caller, Pageable pageable) {
		UnitScope office = UnitScope.of(caller, Roles.OFFICE);
		UnitScope staff = UnitScope.of(caller, Roles.STAFF);
		Specification<PlanRequest> spec = (root, q, cb) -> {
			Subquery<Long> sub = q.subquery(Long.class);
			Root<PlanRecipient> t = sub.from(PlanRecipient.class);
			sub.select(t.get("id")).where(cb.equal(t.get("requestId"), root.get("id")),
					staff.predicate(cb, t.get("unitPath")));
			return cb.or(office.predicate(cb, root.get("unitPath")), cb.exists(sub));
		};
		Page<PlanRequest> page = requests.findAll(spec, pageable);
		List<Long> ids = page.getContent().stream().map(PlanRequest::id).toList();
		Map<Long, List<PlanRecipient>> byRequest = ids.isEmpty() ? Map.of()
				: targets.findByRequestIdIn(ids).stream().collect(Collectors.groupingBy(PlanRecipient::requestId));
		Map<Long, UnitView> names = units.findAll(page.getContent().stream().map(PlanRequest::unitId).distinct().toList());
		return page.map(r -> r.view(nameOf(names, r.unitId()), counts(r, byRequest.getOrDefault(r.id(), List.of()))));
	}

	public PlanRequestDetails get(Caller caller, long id) {
		PlanRequest request = load(id);
		boolean office = caller.can(request.unitPath(), Roles.OFFICE);
		List<PlanRecipient> all = targets.findByRequestIdOrderByIdAsc(id);
		List<PlanRecipient> visible = office ? all
				: all.stream().filter(t -> caller.can(t.unitPath(), Roles.STAFF)).toList();
		if (!office && visible.isEmpty()) {
			throw new ForbiddenException();
		}
		Map<Long, UnitView> names = units.findAll(
				new LinkedHashSet<>(concat(List.of(request.unitId()), all.stream().map(PlanRecipient::unitId).toList())));
		Map<Long, Long> reminderCounts = reminderCounts(id);
		List<PlanRecipientView> views = visible.stream()
			.map(t -> targetView(t, request, nameOf(names, t.unitId()), reminderCounts.getOrDefault(t.unitId(), 0L)))
			.sorted((a, b) -> a.unitName().compareTo(b.unitName()))
			.toList();
		List<ReminderView> reminders = office ? reminders(id, names) : List.of();
		List<Long> submittable = visible.stream().filter(t -> caller.can(t.unitPath(), Roles.STAFF))
			.map(PlanRecipient::unitId).toList();
		return new PlanRequestDetails(request.view(nameOf(names, request.unitId()), counts(request, all)), views, office,
				reminders, submittable);
	}

	/** The uploads of one addressed unit, newest first (resubmissions keep the history). */
	public List<PlanSubmissionView> submissions(Caller caller, long requestId, long unitId) {
		PlanRecipient target = readableTarget(caller, requestId, unitId);
		return submissions.findByTargetIdOrderBySubmittedAtDescIdDesc(target.id()).stream().map(PlanSubmission::view).toList();
	}

	public boolean canSubmit(Caller caller, long requestId, long unitId) {
		return targets.findByRequestIdAndUnitId(requestId, unitId).map(t -> caller.can(t.unitPath(), Roles.STAFF))
			.orElse(false);
	}

	/** Units in which the caller may ask for plans (offices and administrators). */
	public List<UnitView> requestingUnits(Caller caller) {
		return units.visible(caller).stream().filter(u -> caller.can(u.path(), Roles.OFFICE)).toList();
	}

	/** Addressed units of the caller that have not yet submitted, for the to-do panel, nearest deadline first. */
	public List<PlanRecipientView> pending(Caller caller, int limit) {
		UnitScope staff = UnitScope.of(caller, Roles.STAFF);
		Specification<PlanRecipient> spec = (root, q, cb) -> cb.and(cb.equal(root.get("submissionCount"), 0),
				staff.predicate(cb, root.get("unitPath")));
		List<PlanRecipient> found = targets.findAll(spec, org.springframework.data.domain.PageRequest.of(0, 200)).getContent();
		Map<Long, PlanRequest> byId = requests.findAllById(found.stream().map(PlanRecipient::requestId).distinct().toList())
			.stream().collect(Collectors.toMap(PlanRequest::id, Function.identity()));
		Map<Long, UnitView> names = units.findAll(found.stream().map(PlanRecipient::unitId).distinct().toList());
		return found.stream().map(t -> targetView(t, byId.get(t.requestId()), nameOf(names, t.unitId()), 0))
			.sorted((a, b) -> a.deadline().compareTo(b.deadline())).limit(limit).toList();
	}

	public Download guidance(Caller caller, long requestId) {
		PlanRequest request = load(requestId);
		requireReadable(caller, request);
		if (request.guidanceStorageKey() == null) {
			throw new NotFoundException("report.error.fileNotFound");
		}
		return new Download(request.guidanceFileName(), request.guidanceContentType(), open(request.guidanceStorageKey()));
	}

	public Download submission(Caller caller, long requestId, long unitId, long submissionId) {
		PlanRecipient target = readableTarget(caller, requestId, unitId);
		PlanSubmission s = submissions.findById(submissionId).filter(x -> x.targetId() == target.id())
			.orElseThrow(() -> new NotFoundException("report.error.fileNotFound"));
		return new Download(s.fileName(), s.contentType(), open(s.storageKey()));
	}

	// --- commands ------------------------------------------------------------------------------

	@Transactional
	public PlanRequestView create(Caller caller, CreatePlanRequest command, Upload guidance) {
		UnitView unit = units.find(command.unitId()).orElseThrow(() -> new NotFoundException("report.error.unitNotFound"));
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new ForbiddenException();
		}
		String title = TextNormalizer.normalizeToNull(command.title());
		if (title == null) {
			throw new BusinessException("title", "report.error.titleRequired");
		}
		if (title.length() > 300) {
			throw new BusinessException("title", "report.error.titleTooLong", 300);
		}
		if (command.year() < 2000 || command.year() > 2100) {
			throw new BusinessException("year", "report.error.year");
		}
		if (command.deadline() == null) {
			throw new BusinessException("deadline", "report.error.deadlineRequired");
		}
		if (command.deadline().isBefore(today())) {
			throw new BusinessException("deadline", "report.error.deadlinePast");
		}
		if (command.deadline().getYear() > command.year()) {
			throw new BusinessException("deadline", "report.error.deadlineAfterYear", String.valueOf(command.year()));
		}
		List<UnitView> children = units.children(caller, unit.id()).stream().filter(UnitView::active).toList();
		List<UnitView> addressed;
		if (command.unitIds().isEmpty()) {
			addressed = children;
		}
		else {
			Map<Long, UnitView> byId = children.stream().collect(Collectors.toMap(UnitView::id, Function.identity()));
			addressed = new ArrayList<>();
			for (Long id : new LinkedHashSet<>(command.unitIds())) {
				UnitView child = byId.get(id);
				if (child == null) {
					throw new BusinessException("unitIds", "report.error.notAChild");
				}
				addressed.add(child);
			}
		}
		if (addressed.isEmpty()) {
			throw new BusinessException("unitIds", "report.error.noUnits");
		}
		PlanRequest request = new PlanRequest(unit.id(), unit.path(), title, command.year(), command.deadline(),
				TextNormalizer.normalizeToNull(command.instructions()), caller.accountId());
		if (guidance != null && guidance.size() > 0) {
			Stored stored = store(guidance);
			request.attachGuidance(stored.name(), stored.type(), guidance.size(), stored.key());
		}
		requests.saveAndFlush(request);
		for (UnitView child : addressed) {
			targets.save(new PlanRecipient(request.id(), child.id(), child.path()));
		}
		targets.flush();
		events.publishEvent(new ReportEvents.PlanRequested(request.id(), title, command.year(), command.deadline(), addressed.stream().map(UnitView::id).toList(), caller.accountId()));
		return get(caller, request.id()).request();
	}

	/** A unit uploads its plan document; late when after the deadline (in the application's time zone). */
	@Transactional
	public PlanSubmissionView submit(Caller caller, long requestId, long unitId, Upload upload) {
		PlanRequest request = load(requestId);
		PlanRecipient target = targets.findByRequestIdAndUnitId(requestId, unitId)
			.orElseThrow(() -> new NotFoundException("report.error.notAddressed"));
		if (!caller.can(target.unitPath(), Roles.STAFF)) {
			throw new ForbiddenException();
		}
		if (upload == null || upload.size() <= 0) {
			throw new BusinessException("file", "upload.error.empty");
		}
		Stored stored = store(upload);
		Instant now = clock.instant();
		boolean late = LocalDate.ofInstant(now, clock.getZone()).isAfter(request.deadline());
		target.submitted(now);
		targets.saveAndFlush(target);
		PlanSubmission s = submissions.save(new PlanSubmission(target.id(), stored.name(), stored.type(), upload.size(),
				stored.sha256(), stored.key(), late, caller.accountId(), caller.displayName(), now));
		return s.view();
	}

	// --- rules ---------------------------------------------------------------------------------

	private record Stored(String name, String type, String key, String sha256) {
	}

	/** Checks the file is a real Word or PDF document, then stores it (removed again if the transaction fails). */
	private Stored store(Upload upload) {
		String name = TextNormalizer.fileName(upload.fileName());
		if (name == null || upload.size() <= 0) {
			throw new BusinessException("file", "upload.error.empty");
		}
		if (upload.size() > maxBytes) {
			throw new BusinessException("file", "upload.error.tooLarge", name, maxBytes / (1024 * 1024));
		}
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		if (!DOCUMENT_EXTENSIONS.contains(ext)) {
			throw new BusinessException("file", "report.error.notADocument", name);
		}
		try {
			String type = UploadCheck.contentTypeOf(name, upload.content());
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String key;
			try (InputStream in = new DigestInputStream(upload.content().open(), sha)) {
				key = files.put(in);
			}
			files.deleteIfRolledBack(key);
			return new Stored(name, type, key, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private InputStream open(String key) {
		try {
			return files.open(key);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private PlanRequest load(long id) {
		return requests.findById(id).orElseThrow(() -> new NotFoundException("report.error.planNotFound"));
	}

	private void requireReadable(Caller caller, PlanRequest request) {
		if (caller.can(request.unitPath(), Roles.OFFICE)) {
			return;
		}
		boolean addressed = targets.findByRequestIdOrderByIdAsc(request.id()).stream()
			.anyMatch(t -> caller.can(t.unitPath(), Roles.STAFF));
		if (!addressed) {
			throw new ForbiddenException();
		}
	}

	private PlanRecipient readableTarget(Caller caller, long requestId, long unitId) {
		PlanRequest request = load(requestId);
		PlanRecipient target = targets.findByRequestIdAndUnitId(requestId, unitId)
			.orElseThrow(() -> new NotFoundException("report.error.notAddressed"));
		if (!caller.can(request.unitPath(), Roles.OFFICE) && !caller.can(target.unitPath(), Roles.STAFF)) {
			throw new ForbiddenException();
		}
		return target;
	}

	static PlanStatus statusOf(PlanRecipient t, PlanRequest r, ZoneId zone) {
		if (t.firstSubmittedAt() == null) {
			return PlanStatus.MISSING;
		}
		return LocalDate.ofInstant(t.firstSubmittedAt(), zone).isAfter(r.deadline()) ? PlanStatus.LATE : PlanStatus.ON_TIME;
	}

	private PlanRecipientView targetView(PlanRecipient t, PlanRequest r, String unitName, long reminders) {
		return new PlanRecipientView(t.id(), r.id(), r.title(), r.deadline(), t.unitId(), unitName, statusOf(t, r, clock.getZone()),
				t.submittedAt(), t.submissionCount(), reminders);
	}

	private PlanRequestView.Counts counts(PlanRequest r, List<PlanRecipient> all) {
		Map<PlanStatus, Long> by = all.stream()
			.collect(Collectors.groupingBy(t -> statusOf(t, r, clock.getZone()), Collectors.counting()));
		return new PlanRequestView.Counts(all.size(), by.getOrDefault(PlanStatus.ON_TIME, 0L),
				by.getOrDefault(PlanStatus.LATE, 0L), by.getOrDefault(PlanStatus.MISSING, 0L));
	}

	private Map<Long, Long> reminderCounts(long requestId) {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select unit_id, count(*) from report_reminder where subject_kind = 'PLAN' and subject_id = :id group by unit_id")
			.param("id", requestId).query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		return counts;
	}

	private List<ReminderView> reminders(long requestId, Map<Long, UnitView> names) {
		return jdbc.sql("""
				select id, subject_kind, subject_id, unit_id, kind, day_offset, deadline, due_on from report_reminder
				 where subject_kind = 'PLAN' and subject_id = :id order by due_on desc, id desc limit 500""")
			.param("id", requestId)
			.query((rs, n) -> new ReminderView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					nameOf(names, rs.getLong(4)), rs.getString(5), rs.getInt(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	private static String nameOf(Map<Long, UnitView> names, long id) {
		UnitView u = names.get(id);
		return u == null ? "#" + id : u.name();
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
