package vn.ideabank.idea;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The idea list as .xlsx: the same filters and scope as the list page, streamed (SXSSF writes a
 * window of rows, ideas are read in keyset chunks) so 100,000 ideas fit in a bounded heap. Labels in
 * the request's language; text is written as stored (NFC).
 */
@Service
public class IdeaListExport {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final IdeaService ideas;

	private final UnitService units;

	private final Messages messages;

	IdeaListExport(IdeaService ideas, UnitService units, Messages messages) {
		this.ideas = ideas;
		this.units = units;
		this.messages = messages;
	}

	/** Refuses a unit filter outside the caller's scope before anything is written. */
	@Transactional(readOnly = true)
	public void write(Caller caller, IdeaFilter filter, OutputStream out) throws IOException {
		if (filter.unitId() != null) {
			units.get(caller, filter.unitId());
		}
		List<String> headers = List.of(m("idea.label.code"), m("idea.label.title"), m("idea.label.unit"), m("idea.label.year"),
				m("idea.label.kind"), m("idea.label.status"), m("idea.label.sectorField"), m("idea.label.targetGroup"),
				m("idea.label.authors"), m("idea.export.submittedAt"), m("idea.export.updatedAt"));
		XlsxWriter.export(out, m("idea.export.sheet"), headers, sink -> ideas.forEach(caller, filter, chunk -> {
			Map<Long, UnitView> unitsById = units.findAll(chunk.stream().map(IdeaExportRow::unitId).distinct().toList());
			for (IdeaExportRow r : chunk) {
				UnitView unit = unitsById.get(r.unitId());
				sink.row(r.code(), r.title(), unit == null ? null : unit.name(), r.year(), m(r.kind().messageKey()),
						m(r.status().messageKey()), r.sectorField() == null ? null : m(r.sectorField().messageKey()),
						r.targetGroup() == null ? null : m(r.targetGroup().messageKey()), r.authors(), local(r.submittedAt()),
						local(r.updatedAt()));
			}
		}));
	}

	private static LocalDateTime local(java.time.Instant at) {
		return at == null ? null : LocalDateTime.ofInstant(at, VIETNAM);
	}

	private String m(String key) {
		return messages.get(key);
	}
}
