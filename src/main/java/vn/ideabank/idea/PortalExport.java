package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Ideas in the bulk-upload shape of the national portal "Ngân hàng ý tưởng sáng tạo thanh niên
 * Việt Nam", as CSV (UTF-8 with BOM, RFC 4180) or JSON. The format is documented in
 * docs/national-portal-export.md; labels are Vietnamese whatever the caller's language.
 */
@Component
public class PortalExport {

	/** One idea as the portal takes it. Field order is the CSV column order. */
	public record PortalRecord(String code, String title, String kind, String sectorField, String applicationArea,
			String targetGroup, int year, String unit, String authors, String summary, String problem, String solution,
			String novelty, String benefits, String scopeWhere, String scopeWhen, String scopeConditions, String status,
			String appliedWhere, String appliedSince, String appliedEffect, String videoLinks, String publicUrl) {
	}

	static final List<String> COLUMNS = List.of("code", "title", "kind", "sectorField", "applicationArea", "targetGroup",
			"year", "unit", "authors", "summary", "problem", "solution", "novelty", "benefits", "scopeWhere", "scopeWhen",
			"scopeConditions", "status", "appliedWhere", "appliedSince", "appliedEffect", "videoLinks", "publicUrl");

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	private final UnitService units;

	PortalExport(MessageSource messages, UnitService units) {
		this.messages = messages;
		this.units = units;
	}

	public List<PortalRecord> records(List<IdeaView> ideas, String baseUrl) {
		Map<Long, UnitView> unitsById = units.findAll(ideas.stream().map(IdeaView::unitId).distinct().toList());
		List<PortalRecord> records = new ArrayList<>();
		for (IdeaView i : ideas) {
			records.add(new PortalRecord(i.code(), i.title(), label(i.kind() == null ? null : i.kind().messageKey()),
					label(i.sectorField() == null ? null : i.sectorField().messageKey()),
					label(i.applicationArea() == null ? null : i.applicationArea().messageKey()),
					label(i.targetGroup() == null ? null : i.targetGroup().messageKey()), i.year(),
					unitsById.containsKey(i.unitId()) ? unitsById.get(i.unitId()).name() : null,
					i.authors().stream().map(IdeaView.Author::fullName).collect(Collectors.joining("; ")), i.summary(),
					i.problem(), i.solution(), i.novelty(),
					i.benefits().stream().sorted().map(b -> label(b.messageKey())).collect(Collectors.joining("; "))
							+ (i.benefitsOther() == null ? "" : (i.benefits().isEmpty() ? "" : "; ") + i.benefitsOther()),
					i.scopeWhere(), i.scopeWhen(), i.scopeConditions(), label(i.status().messageKey()), i.appliedWhere(),
					i.appliedSince() == null ? null : i.appliedSince().toString(), i.appliedEffect(),
					String.join(" ", i.videoLinkList()), i.publicOptOut() ? null : baseUrl + "/public/ideas/" + i.code()));
		}
		return records;
	}

	/** CSV with a BOM so that Excel opens the Vietnamese text as UTF-8. */
	public String csv(List<PortalRecord> records) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", COLUMNS)).append("\r\n");
		for (PortalRecord r : records) {
			Map<String, Object> row = asMap(r);
			out.append(COLUMNS.stream().map(c -> quote(row.get(c))).collect(Collectors.joining(","))).append("\r\n");
		}
		return out.toString();
	}

	private static Map<String, Object> asMap(PortalRecord r) {
		Map<String, Object> m = new LinkedHashMap<>();
		var components = PortalRecord.class.getRecordComponents();
		for (var c : components) {
			try {
				m.put(c.getName(), c.getAccessor().invoke(r));
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		return m;
	}

	private static String quote(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		// a leading =, +, - or @ would be run as a formula by spreadsheet programs
		if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	private String label(String key) {
		return key == null ? null : messages.getMessage(key, null, key, VI);
	}
}
