package vn.ideabank.idea;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.XlsxCell;
import vn.ideabank.common.xlsx.XlsxColumns;
import vn.ideabank.common.xlsx.XlsxSheet;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaImportService.Column;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * One sheet row of an idea import read into an idea's content, every problem found listed by row and
 * column ({@link IdeaImportService} decides what to write): the unit within the caller's scope, the
 * year, labels matched loosely in Vietnamese or English, yes/no cells, the author's birth date and
 * the same bean rules as the form. Nothing is written here.
 */
@Component
class IdeaImportRows {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	/** A row that passed every check, ready to be written. */
	record ValidRow(int row, long unitId, IdeaContent content, List<String> authors, LocalDate authorBirth,
			boolean submit) {
	}

	private final UnitService units;

	private final Validator validator;

	private final MessageSource messages;

	IdeaImportRows(UnitService units, Validator validator, MessageSource messages) {
		this.units = units;
		this.validator = validator;
		this.messages = messages;
	}

	XlsxColumns<Column> locate(XlsxSheet sheet) {
		return XlsxColumns.locate(sheet, Column.class, this::header,
				c -> messages.getMessage(c.headerKey(), null, Locale.ENGLISH), c -> c.required);
	}

	ValidRow parse(Caller caller, XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at,
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
			else if (!IdeaImportService.canImportInto(caller, unit.get())) {
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
			case "Min", "Max" -> at.problem(n, column, "idea.import.badYear", v.getInvalidValue(), IdeaImportService.EARLIEST_YEAR);
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
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.badYear", cell.text(), IdeaImportService.EARLIEST_YEAR));
			return null;
		}
		if (year > Year.now(VIETNAM).getValue()) {
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.futureYear", year));
			return null;
		}
		if (year < IdeaImportService.EARLIEST_YEAR) {
			problems.add(at.problem(row.number(), Column.YEAR, "idea.import.badYear", cell.text(), IdeaImportService.EARLIEST_YEAR));
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

	String header(Column c) {
		return vi(c.headerKey());
	}

	String vi(String key) {
		return messages.getMessage(key, null, IdeaImportService.VI);
	}
}
