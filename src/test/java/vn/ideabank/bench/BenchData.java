package vn.ideabank.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.member.TargetGroup;

/**
 * The rows of a benchmark data set, as PostgreSQL COPY text, a pure function of the seed, the unit
 * list, the first ids and the code counters: the same input gives the same bytes (tested). The
 * database side (reserving ids, COPY, counters) is {@link Generate}.
 */
final class BenchData {

	/** A unit of the tree as the generator sees it. */
	record UnitRow(long id, String code, String path, String name, String kind, int depth, String parentName) {

		UnitRow(long id, String code, String path, String name, String kind, int depth) {
			this(id, code, path, name, kind, depth, null);
		}

		/** "Đoàn xã Thọ Dân" → "xã Thọ Dân", "Chi đoàn thôn 1" → "thôn 1, xã Thọ Dân": the place a title names. */
		String place() {
			String n = strip(name);
			return depth >= 3 && parentName != null ? n + ", " + strip(parentName) : n;
		}

		private static String strip(String name) {
			String n = name.replaceFirst("^(Đoàn cơ sở|Đoàn|Huyện đoàn|Thị đoàn|Thành đoàn|Tỉnh đoàn|Chi đoàn)\\s+", "");
			return n.isEmpty() ? name : n;
		}

		String codePrefix() {
			int dash = code.indexOf('-');
			return (dash > 0 ? code.substring(0, dash) : code).toUpperCase(Locale.ROOT);
		}
	}

	/** Where the rows go: one COPY text stream per table. */
	interface Sink {

		Appendable members();

		Appendable ideas();

		Appendable authors();

		Appendable benefits();

		Appendable history();

		/** A near-duplicate and the earlier idea it was rewritten from. */
		void nearDuplicate(long ideaId, String code, long originalId, String originalCode);
	}

	static final String MEMBER_COLUMNS = "member (id, unit_id, unit_path, full_name, name_key, date_of_birth, gender, target_group, status, created_at, updated_at)";

	static final String IDEA_COLUMNS = "idea (id, code, unit_id, unit_path, year, kind, title, summary, problem, solution, novelty, "
			+ "benefits_other, scope_where, scope_when, scope_conditions, application_area, sector_field, target_group, public_opt_out, "
			+ "status, applied_where, applied_since, applied_effect, created_by, created_by_author, created_at, submitted_at, updated_at, version)";

	static final String AUTHOR_COLUMNS = "idea_author (idea_id, position, member_id, full_name)";

	static final String BENEFIT_COLUMNS = "idea_benefit (idea_id, benefit)";

	static final String HISTORY_COLUMNS = "idea_history (idea_id, at, actor_id, actor_name, step, from_status, to_status, comment)";

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Hồ", "Dương",
			"Lý", "Trịnh", "Mai", "Lương", "Cao", "Hà" };

	private static final String[] MIDDLE_M = { "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân" };

	private static final String[] MIDDLE_F = { "Thị", "Ngọc", "Thu", "Minh", "Thanh", "Hoài", "Phương", "Khánh" };

	private static final String[] GIVEN_M = { "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân",
			"Sơn", "Tuấn", "Việt", "Đạt", "Hiếu", "Thắng", "Trung" };

	private static final String[] GIVEN_F = { "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Tâm",
			"Thảo", "Trang", "Vy", "Yến", "Ánh", "Nhung", "Oanh" };

	private static final int[] YEARS = { 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026 };

	private static final int[] YEAR_WEIGHTS = { 8, 9, 10, 12, 14, 15, 17, 15 };

	/** The last day of 2026 ideas: fixed, so that the data do not depend on when they are generated. */
	private static final int LAST_DAY_OF_2026 = 320;

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+07'");

	private final long seed;

	private final List<UnitRow> units;

	private final double duplicateRate;

	private final long actorId;

	private final String actorName;

	/** Unit indices repeated by weight: a grassroots unit is picked far more often than the province. */
	private final int[] ideaUnits;

	private final int[] memberUnits;

	private final Map<Long, List<long[]>> membersByUnit = new HashMap<>();

	private final Map<Long, String> memberNames = new HashMap<>();

	private final Map<String, Long> counters;

	BenchData(long seed, List<UnitRow> units, double duplicateRate, long actorId, String actorName, Map<String, Long> counters) {
		this.seed = seed;
		this.units = units;
		this.duplicateRate = duplicateRate;
		this.actorId = actorId;
		this.actorName = actorName;
		this.counters = new HashMap<>(counters);
		List<Integer> forIdeas = new ArrayList<>();
		List<Integer> forMembers = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			int depth = units.get(i).depth();
			int weight = depth == 0 ? 1 : depth == 1 ? 4 : depth == 2 ? 12 : 10;
			for (int w = 0; w < weight; w++) {
				forIdeas.add(i);
			}
			if (depth >= 2) {
				forMembers.add(i);
			}
		}
		this.ideaUnits = forIdeas.stream().mapToInt(Integer::intValue).toArray();
		this.memberUnits = (forMembers.isEmpty() ? forIdeas : forMembers).stream().mapToInt(Integer::intValue).toArray();
	}

	/** The code counters after the ideas: "prefix|year" → last number used. */
	Map<String, Long> counters() {
		return counters;
	}

	private SplittableRandom random(int stream, long index) {
		return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index);
	}

	// --- members -------------------------------------------------------------------------------

	void members(long firstId, int count, Sink sink) {
		try {
			for (int m = 0; m < count; m++) {
				SplittableRandom r = random(1, m);
				long id = firstId + m;
				UnitRow unit = units.get(memberUnits[r.nextInt(memberUnits.length)]);
				boolean male = r.nextBoolean();
				String name = IdeaTexts.pick(r, FAMILY) + " " + IdeaTexts.pick(r, male ? MIDDLE_M : MIDDLE_F) + " "
						+ IdeaTexts.pick(r, male ? GIVEN_M : GIVEN_F);
				TargetGroup group = groupOf(unit, r);
				int age = group == TargetGroup.CHILDREN ? 9 + r.nextInt(6) : group == TargetGroup.PUPIL ? 15 + r.nextInt(4) : 18 + r.nextInt(18);
				LocalDate birth = LocalDate.of(2026 - age, 1 + r.nextInt(12), 1 + r.nextInt(28));
				String status = group == TargetGroup.CHILDREN ? "CHILD" : r.nextInt(10) < 7 ? "UNION_MEMBER" : "YOUTH";
				membersByUnit.computeIfAbsent(unit.id(), k -> new ArrayList<>()).add(new long[] { id, group.ordinal() });
				memberNames.put(id, name);
				row(sink.members(), id, unit.id(), unit.path(), name, TextNormalizer.fold(name).toLowerCase(Locale.ROOT), birth,
						male ? "MALE" : "FEMALE", group.name(), status, "2026-01-05 08:00:00+07", "2026-01-05 08:00:00+07");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static TargetGroup groupOf(UnitRow unit, SplittableRandom r) {
		return switch (unit.kind()) {
			case "SCHOOL" -> r.nextInt(4) == 0 ? TargetGroup.CHILDREN : TargetGroup.PUPIL;
			case "ARMED_FORCES" -> TargetGroup.ARMED_FORCES;
			case "AGENCY" -> TargetGroup.YOUNG_OFFICIAL;
			case "ENTERPRISE" -> TargetGroup.YOUNG_WORKER;
			default -> {
				int x = r.nextInt(20);
				boolean urban = unit.name().contains("phường") || unit.name().contains("thị trấn");
				yield x < 12 ? (urban ? TargetGroup.URBAN_YOUTH : TargetGroup.RURAL_YOUTH)
						: x < 14 ? TargetGroup.ENTREPRENEUR : x < 16 ? TargetGroup.YOUNG_WORKER : x < 18 ? TargetGroup.STUDENT : TargetGroup.CHILDREN;
			}
		};
	}

	// --- ideas ---------------------------------------------------------------------------------

	/** What an idea is before its text: drawn first from its own random stream. */
	private record Head(boolean duplicate, int unitIndex, TargetGroup group, SplittableRandom random) {
	}

	private Head head(long i) {
		SplittableRandom r = random(2, i);
		boolean dup = i > 0 && r.nextDouble() < duplicateRate;
		int unitIndex = ideaUnits[r.nextInt(ideaUnits.length)];
		TargetGroup group = TargetGroup.values()[r.nextInt(TargetGroup.values().length)];
		return new Head(dup, unitIndex, group, r);
	}

	private IdeaTexts.Text baseText(long i) {
		Head h = head(i);
		return IdeaTexts.generate(h.random(), units.get(h.unitIndex()).place(), h.group());
	}

	/** Ideas {@code from} (inclusive) to {@code to} (exclusive), with ids {@code firstId + i}. */
	void ideas(long firstId, long from, long to, Sink sink) {
		try {
			for (long i = from; i < to; i++) {
				idea(firstId, i, sink);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Codes by idea index: a near-duplicate names the code of its original. Ideas are generated in order from 0. */
	private final List<String> codes = new ArrayList<>();

	private void idea(long firstId, long i, Sink sink) throws IOException {
		Head h = head(i);
		SplittableRandom r = h.random();
		IdeaTexts.Text text;
		long original = -1;
		UnitRow unit = units.get(h.unitIndex());
		if (h.duplicate()) {
			original = r.nextLong(i);
			while (head(original).duplicate()) {
				original = r.nextLong(i);
			}
			text = IdeaTexts.rewrite(baseText(original), r);
			if (r.nextBoolean()) {
				unit = units.get(head(original).unitIndex());
			}
		}
		else {
			text = IdeaTexts.generate(r, unit.place(), h.group());
		}
		long id = firstId + i;
		int year = pickYear(r);
		String prefix = unit.codePrefix();
		long number = counters.merge(prefix + "|" + year, 1L, Long::sum);
		String code = "%s-%d-%06d".formatted(prefix, year, number);
		if (codes.size() != i) {
			throw new IllegalStateException("ideas are generated in order from index 0");
		}
		codes.add(code);
		IdeaStatus status = pickStatus(r, year);
		IdeaKind kind = pickKind(r);
		int day = r.nextInt(year == 2026 ? LAST_DAY_OF_2026 : 360);
		LocalDateTime created = LocalDate.of(year, 1, 1).plusDays(day).atTime(7 + r.nextInt(12), r.nextInt(60), r.nextInt(60));
		LocalDateTime submitted = status == IdeaStatus.DRAFT ? null : created.plusHours(1 + r.nextInt(72));
		LocalDateTime updated = (submitted == null ? created : submitted).plusDays(r.nextInt(30));
		if (year == 2026 && updated.getDayOfYear() > LAST_DAY_OF_2026) {
			updated = LocalDate.of(2026, 1, 1).plusDays(LAST_DAY_OF_2026).atTime(12, 0);
		}
		boolean applied = status == IdeaStatus.APPLIED || status == IdeaStatus.RECOGNISED;
		row(sink.ideas(), id, code, unit.id(), unit.path(), year, kind.name(), text.title(), text.summary(), text.problem(),
				text.solution(), text.novelty(), text.benefitsOther(), text.scopeWhere(), text.scopeWhen(), text.scopeConditions(),
				text.area().name(), text.field().name(), h.group().name(), r.nextInt(20) == 0, status.name(),
				applied ? text.scopeWhere() : null, applied ? updated.toLocalDate().minusDays(10) : null,
				applied ? "Đã áp dụng, " + text.benefitsOther() : null, actorId, false, created.format(TS),
				submitted == null ? null : submitted.format(TS), updated.format(TS), 0);
		authors(id, unit, r, sink);
		Benefit[] all = Benefit.values();
		int first = r.nextInt(all.length - 1);
		int n = 1 + r.nextInt(3);
		for (int b = 0; b < n && first + b < all.length - 1; b++) {
			row(sink.benefits(), id, all[first + b].name());
		}
		history(id, status, created, updated, sink);
		if (h.duplicate()) {
			sink.nearDuplicate(id, code, firstId + original, codes.get((int) original));
		}
	}

	private void authors(long ideaId, UnitRow unit, SplittableRandom r, Sink sink) throws IOException {
		List<long[]> here = membersByUnit.getOrDefault(unit.id(), List.of());
		int n = 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(3));
		for (int p = 0; p < n; p++) {
			if (!here.isEmpty() && r.nextInt(10) < 8) {
				long memberId = here.get(r.nextInt(here.size()))[0];
				row(sink.authors(), ideaId, p, memberId, memberNames.get(memberId));
			}
			else {
				boolean male = r.nextBoolean();
				String name = IdeaTexts.pick(r, FAMILY) + " " + IdeaTexts.pick(r, male ? MIDDLE_M : MIDDLE_F) + " "
						+ IdeaTexts.pick(r, male ? GIVEN_M : GIVEN_F);
				row(sink.authors(), ideaId, p, null, name);
			}
		}
	}

	/** The lifecycle steps that lead to {@code status}, one history row each. */
	private void history(long ideaId, IdeaStatus status, LocalDateTime created, LocalDateTime updated, Sink sink) throws IOException {
		List<String[]> steps = new ArrayList<>();
		steps.add(new String[] { "CREATE", null, "DRAFT" });
		if (status != IdeaStatus.DRAFT) {
			steps.add(new String[] { "SUBMIT", "DRAFT", "SUBMITTED" });
		}
		switch (status) {
			case WITHDRAWN -> steps.add(new String[] { "WITHDRAW", "SUBMITTED", "WITHDRAWN" });
			case ENDORSED, UNDER_REVIEW, NEEDS_REVISION, ACCEPTED, REJECTED, APPLIED, RECOGNISED -> {
				steps.add(new String[] { "ENDORSE", "SUBMITTED", "ENDORSED" });
				if (status != IdeaStatus.ENDORSED) {
					steps.add(new String[] { "START_REVIEW", "ENDORSED", "UNDER_REVIEW" });
				}
				switch (status) {
					case NEEDS_REVISION -> steps.add(new String[] { "REQUEST_REVISION", "UNDER_REVIEW", "NEEDS_REVISION" });
					case REJECTED -> steps.add(new String[] { "REJECT", "UNDER_REVIEW", "REJECTED" });
					case ACCEPTED, APPLIED, RECOGNISED -> {
						steps.add(new String[] { "ACCEPT", "UNDER_REVIEW", "ACCEPTED" });
						if (status != IdeaStatus.ACCEPTED) {
							steps.add(new String[] { "MARK_APPLIED", "ACCEPTED", "APPLIED" });
						}
						if (status == IdeaStatus.RECOGNISED) {
							steps.add(new String[] { "RECOGNISE", "APPLIED", "RECOGNISED" });
						}
					}
					default -> {
					}
				}
			}
			default -> {
			}
		}
		long span = Math.max(1, java.time.Duration.between(created, updated).toMinutes());
		for (int s = 0; s < steps.size(); s++) {
			LocalDateTime at = created.plusMinutes(span * s / steps.size());
			String[] step = steps.get(s);
			boolean reason = step[0].equals("REJECT") || step[0].equals("REQUEST_REVISION");
			row(sink.history(), ideaId, at.format(TS), actorId, actorName, step[0], step[1], step[2],
					reason ? "Cần bổ sung số liệu đánh giá hiệu quả" : null);
		}
	}

	private static int pickYear(SplittableRandom r) {
		int x = r.nextInt(100);
		for (int y = 0; y < YEARS.length; y++) {
			x -= YEAR_WEIGHTS[y];
			if (x < 0) {
				return YEARS[y];
			}
		}
		return 2026;
	}

	/** Most ideas are in the intake (submitted, endorsed, under review); older years are mostly decided. */
	private static IdeaStatus pickStatus(SplittableRandom r, int year) {
		int x = r.nextInt(100);
		IdeaStatus s = x < 7 ? IdeaStatus.DRAFT : x < 29 ? IdeaStatus.SUBMITTED : x < 49 ? IdeaStatus.ENDORSED
				: x < 67 ? IdeaStatus.UNDER_REVIEW : x < 71 ? IdeaStatus.NEEDS_REVISION : x < 83 ? IdeaStatus.ACCEPTED
				: x < 89 ? IdeaStatus.REJECTED : x < 95 ? IdeaStatus.APPLIED : x < 98 ? IdeaStatus.RECOGNISED : IdeaStatus.WITHDRAWN;
		if (year < 2024 && (s == IdeaStatus.SUBMITTED || s == IdeaStatus.ENDORSED || s == IdeaStatus.UNDER_REVIEW
				|| s == IdeaStatus.DRAFT) && r.nextInt(10) < 6) {
			int y = r.nextInt(10);
			s = y < 4 ? IdeaStatus.ACCEPTED : y < 7 ? IdeaStatus.REJECTED : y < 9 ? IdeaStatus.APPLIED : IdeaStatus.RECOGNISED;
		}
		return s;
	}

	private static IdeaKind pickKind(SplittableRandom r) {
		int x = r.nextInt(100);
		return x < 55 ? IdeaKind.IDEA : x < 75 ? IdeaKind.INITIATIVE : x < 85 ? IdeaKind.SOLUTION : x < 93 ? IdeaKind.MODEL
				: x < 97 ? IdeaKind.RESEARCH : IdeaKind.STARTUP_IDEA;
	}

	// --- COPY text format --------------------------------------------------------------------------

	static void row(Appendable out, Object... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			if (v == null) {
				out.append("\\N");
			}
			else if (v instanceof Boolean b) {
				out.append(b ? "t" : "f");
			}
			else {
				escape(out, v.toString());
			}
		}
		out.append('\n');
	}

	private static void escape(Appendable out, String s) throws IOException {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}
}
