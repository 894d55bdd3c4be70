package vn.ideabank.idea;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.RowReport;
import vn.ideabank.common.xlsx.XlsxCell;
import vn.ideabank.common.xlsx.XlsxColumns;
import vn.ideabank.common.xlsx.XlsxReader;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.common.xlsx.XlsxSheet;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.common.xlsx.XlsxWriter.TemplateColumn;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Ideas collected offline (paper idea boxes, Facebook, e-mail) entered many at once from .xlsx: the
 * template, and imports in one transaction (all or nothing, or the valid rows only). Files are
 * Vietnamese whatever the page language: headers and labels (kinds, benefits, fields, target groups)
 * are matched ignoring case and diacritics; English labels and enum codes are accepted too.
 * <p>
 * Each valid row becomes an idea through {@link IdeaService#create} (so it gets its code and its
 * history), with its authors matched to the unit's roster by name (and birth date when given) or
 * added to it ({@link MemberService#matchOrCreate}). A row with "Gửi luôn" = Có is submitted right
 * away when complete; when it is not, the row is an error in {@link ImportMode#ALL_OR_NOTHING} and is
 * imported as a draft with a warning in {@link ImportMode#VALID_ONLY}.
 * <p>
 * A row that repeats an idea of its unit and year — already there or an earlier row of the sheet, by
 * {@link IdeaDuplicates#key title and first author} — is skipped and reported ("đã có: TS-…"), so an
 * import run twice creates nothing the second time.
 * <p>
 * Everything a row could be refused for is checked before anything is written, so no call made while
 * importing is expected to throw (a refused nested call would mark the whole transaction for
 * rollback); an unexpected refusal rolls the whole import back.
 */
@Service
@Transactional(readOnly = true)
public class IdeaImportService {

	static final Locale VI = Locale.forLanguageTag("vi");

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final int EARLIEST_YEAR = 2000;

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	/** The columns, in template order; the header comes from idea.xlsx.col.&lt;field&gt;. */
	enum Column {
		UNIT("unitCode", true), YEAR("year", true), KIND("kind", true), TITLE("title", true), SUMMARY("summary", false),
		PROBLEM("problem", false), SOLUTION("solution", false), NOVELTY("novelty", false), BENEFITS("benefits", false),
		BENEFITS_OTHER("benefitsOther", false), SCOPE_WHERE("scopeWhere", false), SCOPE_WHEN("scopeWhen", false),
		SCOPE_CONDITIONS("scopeConditions", false), APPLICATION_AREA("applicationArea", false),
		SECTOR_FIELD("sectorField", false), TARGET_GROUP("targetGroup", true), AUTHORS("authors", true),
		AUTHOR_BIRTH("authorBirth", false), VIDEO_LINKS("videoLinks", false), PUBLIC_OPT_OUT("publicOptOut", false),
		SUBMIT("submit", false);

		final String field;

		final boolean required;

		Column(String field, boolean required) {
			this.field = field;
			this.required = required;
		}

		String headerKey() {
			return "idea.xlsx.col." + field;
		}

		static Optional<Column> ofField(String field) {
			return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
		}
	}

	/** An idea created by an import, for the report's links. */
	public record ImportedIdea(int row, long id, String code, String title, IdeaStatus status) {
	}

	/** A row left out because its idea is already there ("đã có: TS-…"): same unit, year, title and first author. */
	public record SkippedIdea(int row, String title, String existingCode) {
	}

	/** The row-by-row report, the ideas created and the rows skipped as already there (empty when nothing was imported). */
	public record IdeaImportReport(RowReport report, List<ImportedIdea> ideas, List<SkippedIdea> skipped) {

		public IdeaImportReport {
			ideas = List.copyOf(ideas);
			skipped = List.copyOf(skipped);
		}

		public IdeaImportReport(RowReport report, List<ImportedIdea> ideas) {
			this(report, ideas, List.of());
		}

		public static IdeaImportReport rejected(XlsxRejectedException e) {
			return new IdeaImportReport(e.report(), List.of());
		}
	}

	/** A row that passed every check, ready to be written. */
	private record ValidRow(int row, long unitId, IdeaContent content, List<String> authors, LocalDate authorBirth,
			boolean submit) {
	}

	private final IdeaService ideas;

	private final MemberService members;

	private final UnitService units;

	private final XlsxReader reader;

	private final Validator validator;

	private final MessageSource messages;

	private final IdeaDuplicates duplicates;

	IdeaImportService(IdeaService ideas, MemberService members, UnitService units, XlsxReader reader, Validator validator,
			MessageSource messages, IdeaDuplicates duplicates) {
		this.duplicates = duplicates;
		this.ideas = ideas;
		this.members = members;
		this.units = units;
		this.reader = reader;
		this.validator = validator;
		this.messages = messages;
	}

	public int maxRows() {
		return reader.limits().maxRows();
	}

	public long maxMegabytes() {
		return reader.limits().maxBytes().toMegabytes();
	}

	/** Units where the caller may import ideas: those covered by their UNIT_OFFICER, OFFICE or ADMIN roles. */
	public List<UnitView> importableUnits(Caller caller) {
		return units.visible(caller).stream().filter(u -> canImportInto(caller, u)).toList();
	}

	public boolean canImport(Caller caller) {
		return !importableUnits(caller).isEmpty();
	}

	private static boolean canImportInto(Caller caller, UnitView unit) {
		return caller.can(unit.path(), Roles.STAFF);
	}

	// --- template ----------------------------------------------------------------------------------------

	/** The template: headers, one example row (a unit of the caller's), and the guide sheet. */
	public void writeTemplate(Caller caller, OutputStream out) throws IOException {
		List<UnitView> mine = importableUnits(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException();
		}
		String unitCode = mine.stream().filter(u -> u.parentId() != null).findFirst().orElse(mine.get(0)).code();
		List<TemplateColumn> columns = List.of(
				text(Column.UNIT, unitCode, List.of()),
				new TemplateColumn(header(Column.YEAR), Year.now(VIETNAM).getValue(), List.of(), note(Column.YEAR), false),
				text(Column.KIND, vi(IdeaKind.INITIATIVE.messageKey()), labels(IdeaKind.values(), IdeaKind::messageKey)),
				text(Column.TITLE, vi("idea.xlsx.example.title"), List.of()),
				text(Column.SUMMARY, vi("idea.xlsx.example.summary"), List.of()),
				text(Column.PROBLEM, vi("idea.xlsx.example.problem"), List.of()),
				text(Column.SOLUTION, vi("idea.xlsx.example.solution"), List.of()),
				text(Column.NOVELTY, vi("idea.xlsx.example.novelty"), List.of()),
				text(Column.BENEFITS, vi(Benefit.SAVING.messageKey()) + "; " + vi(Benefit.LOWER_COST.messageKey()),
						labels(Benefit.values(), Benefit::messageKey)),
				text(Column.BENEFITS_OTHER, null, List.of()),
				text(Column.SCOPE_WHERE, vi("idea.xlsx.example.scopeWhere"), List.of()),
				text(Column.SCOPE_WHEN, vi("idea.xlsx.example.scopeWhen"), List.of()),
				text(Column.SCOPE_CONDITIONS, null, List.of()),
				text(Column.APPLICATION_AREA, vi(ApplicationArea.PRODUCTION.messageKey()),
						labels(ApplicationArea.values(), ApplicationArea::messageKey)),
				text(Column.SECTOR_FIELD, vi(SectorField.AGRICULTURE.messageKey()),
						labels(SectorField.values(), SectorField::messageKey)),
				text(Column.TARGET_GROUP, vi(TargetGroup.RURAL_YOUTH.messageKey()),
						labels(TargetGroup.values(), TargetGroup::messageKey)),
				text(Column.AUTHORS, vi("idea.xlsx.example.author"), List.of()),
				new TemplateColumn(header(Column.AUTHOR_BIRTH), LocalDate.of(2001, 3, 15), List.of(), note(Column.AUTHOR_BIRTH), false),
				text(Column.VIDEO_LINKS, null, List.of()),
				text(Column.PUBLIC_OPT_OUT, vi("idea.xlsx.no"), List.of(vi("idea.xlsx.yes"), vi("idea.xlsx.no"))),
				text(Column.SUBMIT, vi("idea.xlsx.no"), List.of(vi("idea.xlsx.yes"), vi("idea.xlsx.no"))));
		XlsxWriter.template(out, vi("idea.xlsx.sheet"), columns, vi("xlsx.guide.sheet"),
				List.of(vi("xlsx.guide.column"), vi("xlsx.guide.note"), vi("xlsx.guide.allowed")));
	}

	private TemplateColumn text(Column c, String example, List<String> allowed) {
		return new TemplateColumn(header(c), example, allowed, note(c), c == Column.UNIT);
	}

	private String note(Column c) {
		return vi("idea.xlsx.note." + c.field);
	}

	// --- import --------------------------------------------------------------------------------------------

	/**
	 * Imports the rows of an uploaded file in one transaction.
	 *
	 * @throws XlsxRejectedException when the file as a whole is refused; nothing is imported
	 * @throws ForbiddenException when the caller may import ideas nowhere
	 */
	@Transactional
	public IdeaImportReport importFile(Caller caller, InputStream in, ImportMode mode) {
		if (!canImport(caller)) {
			throw new ForbiddenException();
		}
		XlsxSheet sheet = reader.read(in);
		XlsxColumns<Column> at = locate(sheet);
		Map<String, Optional<UnitView>> unitsByCode = new HashMap<>();
		List<ImportProblem> problems = new ArrayList<>();
		List<ValidRow> valid = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		for (XlsxSheet.Row row : sheet.rows()) {
			List<ImportProblem> rowProblems = new ArrayList<>();
			ValidRow parsed = parse(caller, sheet, row, at, unitsByCode, rowProblems);
			if (rowProblems.isEmpty() && parsed.submit()) {
				List<Column> missing = missingForSubmission(parsed.content());
				if (!missing.isEmpty()) {
					String list = String.join(", ", missing.stream().map(this::header).toList());
					if (mode == ImportMode.ALL_OR_NOTHING) {
						rowProblems.add(at.problem(row.number(), Column.SUBMIT, "idea.import.incomplete", list));
					}
					else {
						warnings.add(at.problem(row.number(), Column.SUBMIT, "idea.import.leftDraft", list));
						parsed = new ValidRow(parsed.row(), parsed.unitId(), parsed.content(), parsed.authors(),
								parsed.authorBirth(), false);
					}
				}
			}
			if (rowProblems.isEmpty()) {
				valid.add(parsed);
			}
			problems.addAll(rowProblems);
		}
		if (mode == ImportMode.ALL_OR_NOTHING && !problems.isEmpty()) {
			return new IdeaImportReport(new RowReport(sheet.rows().size(), 0, 0, problems, false), List.of());
		}
		List<ImportedIdea> created = new ArrayList<>();
		List<SkippedIdea> skipped = new ArrayList<>();
		IdeaDuplicates.Lookup known = duplicates.lookup();
		for (ValidRow row : valid) {
			// a row repeating an idea of its unit and year (already there, or an earlier row) is left out
			IdeaContent c = row.content();
			Optional<String> existing = known.existing(row.unitId(), c.year(), c.title(), row.authors());
			if (existing.isPresent()) {
				warnings.add(at.problem(row.row(), Column.TITLE, "idea.import.duplicate", existing.get()));
				skipped.add(new SkippedIdea(row.row(), c.title(), existing.get()));
				continue;
			}
			List<AuthorRef> authors = new ArrayList<>();
			for (String name : row.authors()) {
				MemberView member = members.matchOrCreate(caller, row.unitId(), name, row.authorBirth(),
						row.content().targetGroup());
				if (authors.stream().noneMatch(a -> a.memberId().equals(member.id()))) {
					authors.add(new AuthorRef(member.id(), null));
				}
			}
			IdeaView idea = ideas.create(caller, new SaveIdea(row.unitId(), row.content(), authors));
			if (row.submit()) {
				idea = ideas.step(caller, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
			}
			created.add(new ImportedIdea(row.row(), idea.id(), idea.code(), idea.title(), idea.status()));
			known.remember(row.unitId(), c.year(), c.title(), row.authors(), idea.code());
		}
		List<ImportProblem> all = new ArrayList<>(problems);
		all.addAll(warnings);
		all.sort(Comparator.comparingInt(ImportProblem::row));
		return new IdeaImportReport(new RowReport(sheet.rows().size(), created.size(), 0, all, true), created, skipped);
	}

	private XlsxColumns<Column> locate(XlsxSheet sheet) {
		return XlsxColumns.locate(sheet, Column.class, this::header,
				c -> messages.getMessage(c.headerKey(), null, Locale.ENGLISH), c -> c.required);
	}

	private ValidRow parse(Caller caller, XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at,
			Map<String, Optional<UnitView>> unitsByCode, List<ImportProblem> problems) {
		int n = row.number();
		// unit: required, known, active, in the caller's scope
		Long unitId = null;
		String code = at.cell(row, Column.UNIT).text();
		if (code == null) {
			problems.add(at.problem(n, Column.UNIT, "idea.import.required"));
		}
		else {
			Optional<UnitView> unit = unitsByCode.computeIfAbsent(code.toUpperCase(Locale.ROOT), units::findByCode);
			if (unit.isEmpty()) {
				problems.add(at.problem(n, Column.UNIT, "idea.import.unknownUnit", code));
			}
			else if (!canImportInto(caller, unit.get())) {
				problems.add(at.problem(n, Column.UNIT, "idea.import.unitOutOfScope", code));
			}
			else if (!unit.get().active()) {
				problems.add(at.problem(n, Column.UNIT, "idea.import.unitInactive", code));
			}
			else {
				unitId = unit.get().id();
			}
		}
		Integer year = year(sheet, row, at, problems);
		IdeaKind kind = label(sheet, row, at, Column.KIND, IdeaKind.values(), IdeaKind::messageKey, problems);
		Set<Benefit> benefits = benefits(sheet, row, at, problems);
		ApplicationArea area = label(sheet, row, at, Column.APPLICATION_AREA, ApplicationArea.values(),
				ApplicationArea::messageKey, problems);
		SectorField field = label(sheet, row, at, Column.SECTOR_FIELD, SectorField.values(), SectorField::messageKey, problems);
		TargetGroup group = label(sheet, row, at, Column.TARGET_GROUP, TargetGroup.values(), TargetGroup::messageKey, problems);
		if (group == null && at.cell(row, Column.TARGET_GROUP).blank()) {
			problems.add(at.problem(n, Column.TARGET_GROUP, "idea.import.required"));
		}
		Boolean optOut = yesNo(sheet, row, at, Column.PUBLIC_OPT_OUT, problems);
		Boolean submit = yesNo(sheet, row, at, Column.SUBMIT, problems);
		List<String> authors = split(at.cell(row, Column.AUTHORS).text());
		LocalDate birth = null;
		XlsxCell birthCell = at.cell(row, Column.AUTHOR_BIRTH);
		try {
			birth = birthCell.asDate();
			if (birth != null && (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(VIETNAM)))) {
				problems.add(at.problem(n, Column.AUTHOR_BIRTH, "idea.import.badBirthDate", birthCell.text()));
				birth = null;
			}
			else if (birth != null && authors.size() > 1) {
				problems.add(at.problem(n, Column.AUTHOR_BIRTH, "idea.import.birthDateOneAuthor"));
				birth = null;
			}
		}
		catch (IllegalArgumentException e) {
			problems.add(at.problem(n, Column.AUTHOR_BIRTH, "idea.import.badDate", birthCell.text()));
		}
		IdeaContent content = new IdeaContent(year, kind, at.cell(row, Column.TITLE).text(),
				at.cell(row, Column.SUMMARY).text(), at.cell(row, Column.PROBLEM).text(),
				at.cell(row, Column.SOLUTION).text(), at.cell(row, Column.NOVELTY).text(), benefits,
				at.cell(row, Column.BENEFITS_OTHER).text(), at.cell(row, Column.SCOPE_WHERE).text(),
				at.cell(row, Column.SCOPE_WHEN).text(), at.cell(row, Column.SCOPE_CONDITIONS).text(), area, field, group,
				videoLinks(at.cell(row, Column.VIDEO_LINKS).text()), Boolean.TRUE.equals(optOut));
		SaveIdea command = new SaveIdea(unitId == null ? 0L : unitId, content,
				authors.stream().map(a -> new AuthorRef(null, a)).toList());
		for (ConstraintViolation<SaveIdea> v : validator.validate(command)) {
			Column column = columnOf(v.getPropertyPath().toString());
			boolean alreadyReported = problems.stream()
				.anyMatch(p -> p.row() == n && p.column() != null && p.column().equals(at.describe(column)));
			if (!alreadyReported) {
				problems.add(violation(sheet, n, at, column, v));
			}
		}
		return new ValidRow(n, unitId == null ? 0L : unitId, content, authors, birth, Boolean.TRUE.equals(submit));
	}

	/** "content.title" → TITLE, "authors[1].fullName" / "authors" → AUTHORS. */
	private static Column columnOf(String path) {
		if (path.startsWith("authors")) {
			return Column.AUTHORS;
		}
		String field = path.startsWith("content.") ? path.substring("content.".length()) : path;
		return Column.ofField(field).orElse(Column.UNIT);
	}

	private ImportProblem violation(XlsxSheet sheet, int n, XlsxColumns<Column> at, Column column,
			ConstraintViolation<?> v) {
		String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
		return switch (constraint) {
			case "Size" -> column == Column.AUTHORS && v.getPropertyPath().toString().equals("authors")
					? at.problem(n, column, "idea.import.tooManyAuthors", attributes.get("max"))
					: at.problem(n, column, "idea.import.tooLong", attributes.get("max"));
			case "Min", "Max" -> at.problem(n, column, "idea.import.badYear", v.getInvalidValue(), EARLIEST_YEAR);
			default -> at.problem(n, column, "idea.import.required");
		};
	}

	private Integer year(XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at, List<ImportProblem> problems) {
		XlsxCell cell = at.cell(row, Column.YEAR);
		if (cell.blank()) {
			return null; // reported by validation (required)
		}
		int year;
		try {
			year = Integer.parseInt(cell.text().strip());
		}
		catch (NumberFormatException e) {
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.badYear", cell.text(), EARLIEST_YEAR));
			return null;
		}
		if (year > Year.now(VIETNAM).getValue()) {
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.futureYear", year));
			return null;
		}
		if (year < EARLIEST_YEAR) {
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.badYear", cell.text(), EARLIEST_YEAR));
			return null;
		}
		return year;
	}

	private Set<Benefit> benefits(XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at,
			List<ImportProblem> problems) {
		Set<Benefit> result = EnumSet.noneOf(Benefit.class);
		for (String part : split(at.cell(row, Column.BENEFITS).text())) {
			Benefit b = match(part, Benefit.values(), Benefit::messageKey);
			if (b == null) {
				problems.add(at.problem(row.number(), Column.BENEFITS, "idea.import.badValue", part));
			}
			else {
				result.add(b);
			}
		}
		return result;
	}

	private Boolean yesNo(XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at, Column column,
			List<ImportProblem> problems) {
		XlsxCell cell = at.cell(row, column);
		if (cell.blank()) {
			return false;
		}
		String key = XlsxCell.looseKey(cell.text());
		if (Set.of(XlsxCell.looseKey(vi("idea.xlsx.yes")), "yes", "x", "1", "true").contains(key)) {
			return true;
		}
		if (Set.of(XlsxCell.looseKey(vi("idea.xlsx.no")), "no", "0", "false").contains(key)) {
			return false;
		}
		problems.add(at.problem(row.number(), column, "idea.import.badYesNo", cell.text()));
		return null;
	}

	private <E extends Enum<E>> E label(XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at, Column column,
			E[] values, Function<E, String> key, List<ImportProblem> problems) {
		XlsxCell cell = at.cell(row, column);
		if (cell.blank()) {
			return null;
		}
		E e = match(cell.text(), values, key);
		if (e == null) {
			problems.add(at.problem(row.number(), column, "idea.import.badValue", cell.text()));
		}
		return e;
	}

	/**
	 * The value whose Vietnamese or English label, label without its bracketed part ("Tiết kiệm"), or
	 * code matches loosely; null if none.
	 */
	private <E extends Enum<E>> E match(String text, E[] values, Function<E, String> key) {
		String wanted = XlsxCell.looseKey(text);
		for (E e : values) {
			String vi = vi(key.apply(e));
			String en = messages.getMessage(key.apply(e), null, Locale.ENGLISH);
			for (String candidate : List.of(vi, en, stripBrackets(vi), stripBrackets(en), e.name())) {
				if (wanted.equals(XlsxCell.looseKey(candidate))) {
					return e;
				}
			}
		}
		return null;
	}

	private static String stripBrackets(String label) {
		int open = label.indexOf('(');
		return open > 0 ? label.substring(0, open).strip() : label;
	}

	/** "a; b ;; c" → [a, b, c]; null → []. */
	private static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Links separated by line breaks, ";" or spaces, stored one per line as the form does. */
	private static String videoLinks(String text) {
		if (text == null) {
			return null;
		}
		List<String> links = Arrays.stream(text.split("[;\\s]+")).filter(s -> !s.isEmpty()).toList();
		return links.isEmpty() ? null : String.join("\n", links);
	}

	/** What submitting would miss, by column: the same rule the SUBMIT step applies. */
	static List<Column> missingForSubmission(IdeaContent c) {
		return c.missingForSubmission().stream().map(f -> Column.ofField(f).orElseThrow()).toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	String header(Column c) {
		return vi(c.headerKey());
	}

	private String vi(String key) {
		return messages.getMessage(key, null, VI);
	}

	private <E> List<String> labels(E[] values, Function<E, String> key) {
		return Arrays.stream(values).map(v -> vi(key.apply(v))).toList();
	}
}
