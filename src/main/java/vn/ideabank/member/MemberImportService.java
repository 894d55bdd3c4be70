package vn.ideabank.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
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
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The roster in .xlsx: the import template, imports (one transaction; all or nothing, or the valid
 * rows only) and streaming exports in the same columns, so an export can be imported again. Files are
 * Vietnamese whatever the page language: headers and labels of genders, target groups and statuses
 * (matched ignoring case and diacritics; English labels are accepted too).
 */
@Service
@Transactional(readOnly = true)
public class MemberImportService {

	static final Locale VI = Locale.forLanguageTag("vi");

	/** The columns, in template order; the key is the field, the header comes from member.xlsx.col.* */
	enum Column {
		FULL_NAME("fullName", true), DATE_OF_BIRTH("dateOfBirth", false), GENDER("gender", false),
		TARGET_GROUP("targetGroup", true), STATUS("status", false), UNIT("unitCode", true), PHONE("phone", false),
		EMAIL("email", false);

		final String field;

		final boolean required;

		Column(String field, boolean required) {
			this.field = field;
			this.required = required;
		}

		String headerKey() {
			return "member.xlsx.col." + field;
		}
	}

	private final MemberService members;

	private final UnitService units;

	private final XlsxReader reader;

	private final MessageSource messages;

	MemberImportService(MemberService members, UnitService units, XlsxReader reader, MessageSource messages) {
		this.members = members;
		this.units = units;
		this.reader = reader;
		this.messages = messages;
	}

	public int maxRows() {
		return reader.limits().maxRows();
	}

	public long maxMegabytes() {
		return reader.limits().maxBytes().toMegabytes();
	}

	// --- template and export --------------------------------------------------------------------------

	public void writeTemplate(Caller caller, OutputStream out) throws IOException {
		String unitCode = members.manageableUnits(caller).stream().filter(u -> u.parentId() != null).findFirst()
			.or(() -> members.manageableUnits(caller).stream().findFirst()).map(UnitView::code).orElse("TS-THODAN-T1");
		List<TemplateColumn> columns = List.of(
				new TemplateColumn(header(Column.FULL_NAME), "Nguyễn Văn Anh", List.of(), vi("member.xlsx.note.fullName"), false),
				new TemplateColumn(header(Column.DATE_OF_BIRTH), LocalDate.of(2001, 3, 15), List.of(), vi("member.xlsx.note.dateOfBirth"), false),
				new TemplateColumn(header(Column.GENDER), vi(Gender.MALE.messageKey()), labels(Gender.values(), Gender::messageKey), vi("member.xlsx.note.gender"), false),
				new TemplateColumn(header(Column.TARGET_GROUP), vi(TargetGroup.RURAL_YOUTH.messageKey()), labels(TargetGroup.values(), TargetGroup::messageKey), vi("member.xlsx.note.targetGroup"), false),
				new TemplateColumn(header(Column.STATUS), vi(MemberStatus.UNION_MEMBER.messageKey()), labels(MemberStatus.values(), MemberStatus::messageKey), vi("member.xlsx.note.status"), false),
				new TemplateColumn(header(Column.UNIT), unitCode, List.of(), vi("member.xlsx.note.unitCode"), true),
				new TemplateColumn(header(Column.PHONE), "0912 345 678", List.of(), vi("member.xlsx.note.phone"), true),
				new TemplateColumn(header(Column.EMAIL), "nguyen.van.anh@example.com", List.of(), vi("member.xlsx.note.email"), false));
		XlsxWriter.template(out, vi("member.xlsx.sheet"), columns, vi("xlsx.guide.sheet"),
				List.of(vi("xlsx.guide.column"), vi("xlsx.guide.note"), vi("xlsx.guide.allowed")));
	}

	/** Streams the members the caller sees under the filter, in the template's columns. */
	public void export(Caller caller, MemberFilter filter, OutputStream out) throws IOException {
		List<String> headers = java.util.Arrays.stream(Column.values()).map(this::header).toList();
		XlsxWriter.export(out, vi("member.xlsx.sheet"), headers, sink -> members.forEach(caller, filter, chunk -> {
			Map<Long, UnitView> unitsById = units.findAll(chunk.stream().map(MemberView::unitId).distinct().toList());
			for (MemberView m : chunk) {
				UnitView unit = unitsById.get(m.unitId());
				sink.row(m.fullName(), m.dateOfBirth(), m.gender() == null ? null : vi(m.gender().messageKey()),
						vi(m.targetGroup().messageKey()), vi(m.status().messageKey()), unit == null ? null : unit.code(),
						m.phone(), m.email());
			}
		}));
	}

	// --- import ------------------------------------------------------------------------------------------

	/**
	 * Imports the rows of an uploaded file in one transaction. A row that names an existing member of
	 * the unit (same name ignoring case, same birth date) updates it; other rows create members.
	 *
	 * @throws XlsxRejectedException when the file as a whole is refused; nothing is imported
	 */
	@Transactional
	public RowReport importFile(Caller caller, InputStream in, ImportMode mode) {
		if (members.manageableUnits(caller).isEmpty()) {
			throw new ForbiddenException();
		}
		XlsxSheet sheet = reader.read(in);
		XlsxColumns<Column> at = locate(sheet);
		Map<String, Optional<UnitView>> unitsByCode = new HashMap<>();
		List<ImportProblem> problems = new ArrayList<>();
		List<SaveMember> valid = new ArrayList<>();
		for (XlsxSheet.Row row : sheet.rows()) {
			List<ImportProblem> rowProblems = new ArrayList<>();
			SaveMember command = parse(caller, sheet, row, at, unitsByCode, rowProblems);
			if (rowProblems.isEmpty()) {
				valid.add(command);
			}
			problems.addAll(rowProblems);
		}
		if (mode == ImportMode.ALL_OR_NOTHING && !problems.isEmpty()) {
			return new RowReport(sheet.rows().size(), 0, 0, problems, false);
		}
		int created = 0;
		int updated = 0;
		for (SaveMember command : valid) {
			if (members.upsert(caller, command)) {
				created++;
			}
			else {
				updated++;
			}
		}
		return new RowReport(sheet.rows().size(), created, updated, problems, true);
	}

	private XlsxColumns<Column> locate(XlsxSheet sheet) {
		return XlsxColumns.locate(sheet, Column.class, this::header,
				c -> messages.getMessage(c.headerKey(), null, Locale.ENGLISH), c -> c.required);
	}

	private SaveMember parse(Caller caller, XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at,
			Map<String, Optional<UnitView>> unitsByCode, List<ImportProblem> problems) {
		int n = row.number();
		String fullName = at.cell(row, Column.FULL_NAME).text();
		LocalDate dateOfBirth = null;
		try {
			dateOfBirth = at.cell(row, Column.DATE_OF_BIRTH).asDate();
			if (dateOfBirth != null && (dateOfBirth.isBefore(MemberService.EARLIEST_BIRTH) || dateOfBirth.isAfter(LocalDate.now()))) {
				problems.add(at.problem(n, Column.DATE_OF_BIRTH, "member.invalid.dateOfBirth"));
				dateOfBirth = null;
			}
		}
		catch (IllegalArgumentException e) {
			problems.add(at.problem(n, Column.DATE_OF_BIRTH, "member.import.badDate", at.cell(row, Column.DATE_OF_BIRTH).text()));
		}
		Gender gender = label(sheet, row, at, Column.GENDER, Gender.values(), Gender::messageKey, problems);
		TargetGroup group = label(sheet, row, at, Column.TARGET_GROUP, TargetGroup.values(), TargetGroup::messageKey, problems);
		MemberStatus status = label(sheet, row, at, Column.STATUS, MemberStatus.values(), MemberStatus::messageKey, problems);
		Long unitId = null;
		String code = at.cell(row, Column.UNIT).text();
		if (code == null) {
			problems.add(at.problem(n, Column.UNIT, "member.import.required"));
		}
		else {
			Optional<UnitView> unit = unitsByCode.computeIfAbsent(code.toUpperCase(Locale.ROOT), units::findByCode);
			if (unit.isEmpty() || !members.canManageUnit(caller, unit.get().id())) {
				problems.add(at.problem(n, Column.UNIT, "member.import.unitOutOfScope", code));
			}
			else if (!unit.get().active()) {
				problems.add(at.problem(n, Column.UNIT, "unit.error.inactive"));
			}
			else {
				unitId = unit.get().id();
			}
		}
		SaveMember command = new SaveMember(unitId, fullName, dateOfBirth, gender, group,
				at.cell(row, Column.PHONE).text(), at.cell(row, Column.EMAIL).text(),
				status == null && at.cell(row, Column.STATUS).blank() ? MemberStatus.YOUTH : status, null);
		for (ConstraintViolation<SaveMember> v : members.violations(command)) {
			String field = v.getPropertyPath().toString();
			Column column = java.util.Arrays.stream(Column.values()).filter(c -> c.field.equals(field)).findFirst()
				.orElse(Column.UNIT);
			boolean alreadyReported = problems.stream().anyMatch(p -> p.row() == n && p.column() != null
					&& p.column().equals(at.describe(column)));
			if (!alreadyReported) {
				problems.add(at.problem(n, column, "member.invalid." + field));
			}
		}
		return command;
	}

	private <E extends Enum<E>> E label(XlsxSheet sheet, XlsxSheet.Row row, XlsxColumns<Column> at, Column column,
			E[] values, Function<E, String> key, List<ImportProblem> problems) {
		XlsxCell cell = at.cell(row, column);
		if (cell.blank()) {
			return null;
		}
		String wanted = XlsxCell.looseKey(cell.text());
		for (E e : values) {
			if (wanted.equals(XlsxCell.looseKey(vi(key.apply(e))))
					|| wanted.equals(XlsxCell.looseKey(messages.getMessage(key.apply(e), null, Locale.ENGLISH)))
					|| wanted.equals(XlsxCell.looseKey(e.name()))) {
				return e;
			}
		}
		problems.add(at.problem(row.number(), column, "member.import.badValue", cell.text()));
		return null;
	}

	private String header(Column c) {
		return vi(c.headerKey());
	}

	private String vi(String key) {
		return messages.getMessage(key, null, VI);
	}

	private <E> List<String> labels(E[] values, Function<E, String> key) {
		return java.util.Arrays.stream(values).map(v -> vi(key.apply(v))).toList();
	}
}
