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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.RowReport;
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

	private final IdeaService ideas;

	private final MemberService members;

	private final UnitService units;

	private final XlsxReader reader;

	private final IdeaDuplicates duplicates;

	private final IdeaImportRows rows;

	IdeaImportService(IdeaService ideas, MemberService members, UnitService units, XlsxReader reader,
			IdeaDuplicates duplicates, IdeaImportRows rows) {
		this.duplicates = duplicates;
		this.ideas = ideas;
		this.members = members;
		this.units = units;
		this.reader = reader;
		this.rows = rows;
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

	static boolean canImportInto(Caller caller, UnitView unit) {
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
		XlsxColumns<Column> at = rows.locate(sheet);
		Map<String, Optional<UnitView>> unitsByCode = new HashMap<>();
		List<ImportProblem> problems = new ArrayList<>();
		List<IdeaImportRows.ValidRow> valid = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		for (XlsxSheet.Row row : sheet.rows()) {
			List<ImportProblem> rowProblems = new ArrayList<>();
			IdeaImportRows.ValidRow parsed = rows.parse(caller, sheet, row, at, unitsByCode, rowProblems);
			if (rowProblems.isEmpty() && parsed.submit()) {
				List<Column> missing = missingForSubmission(parsed.content());
				if (!missing.isEmpty()) {
					String list = String.join(", ", missing.stream().map(this::header).toList());
					if (mode == ImportMode.ALL_OR_NOTHING) {
						rowProblems.add(at.problem(row.number(), Column.SUBMIT, "idea.import.incomplete", list));
					}
					else {
						warnings.add(at.problem(row.number(), Column.SUBMIT, "idea.import.leftDraft", list));
						parsed = new IdeaImportRows.ValidRow(parsed.row(), parsed.unitId(), parsed.content(), parsed.authors(),
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
		for (IdeaImportRows.ValidRow row : valid) {
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

	/** What submitting would miss, by column: the same rule the SUBMIT step applies. */
	static List<Column> missingForSubmission(IdeaContent c) {
		return c.missingForSubmission().stream().map(f -> Column.ofField(f).orElseThrow()).toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	String header(Column c) {
		return rows.header(c);
	}

	private String vi(String key) {
		return rows.vi(key);
	}

	private <E> List<String> labels(E[] values, Function<E, String> key) {
		return Arrays.stream(values).map(v -> vi(key.apply(v))).toList();
	}
}
