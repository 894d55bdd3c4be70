package vn.ideabank.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.text.TextNormalizer;

/**
 * Loads the real tree of Tỉnh đoàn Thanh Hóa from the official unit list (GSO codes, before the
 * 2025 reform) shipped in {@code seed/}: either Huyện đoàn Triệu Sơn alone with its 32 communes and
 * towns plus a few schools and agencies (the seed plan's district), or every district of the
 * province. Loading is idempotent: units whose code exists are left alone.
 */
@Component
public class UnitTreeSeeder {

	public enum Tree {
		NONE, TRIEU_SON, THANH_HOA;

		public static Tree parse(String value) {
			if (value == null || value.isBlank()) {
				return NONE;
			}
			return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
	}

	private static final Logger log = LoggerFactory.getLogger(UnitTreeSeeder.class);

	private static final String TRIEU_SON_GSO = "397";

	private final UnitRepository units;

	UnitTreeSeeder(UnitRepository units) {
		this.units = units;
	}

	/** Loads the tree; with {@code demo}, also branches and member counts for a first look. Returns units added. */
	@Transactional
	public int seed(Tree tree, boolean demo) {
		if (tree == Tree.NONE) {
			return 0;
		}
		Map<String, District> districts = readDistricts();
		int before = (int) units.count();
		Unit province = ensure("TH", "Tỉnh đoàn Thanh Hóa", "Tỉnh đoàn", UnitKind.COMMITTEE, null, 0);
		Set<String> usedCodes = new HashSet<>(List.of("TH"));
		for (District d : districts.values()) {
			if (tree == Tree.TRIEU_SON && !d.code.equals(TRIEU_SON_GSO)) {
				continue;
			}
			String code = d.code.equals(TRIEU_SON_GSO) ? "TS" : uniqueCode(initials(d.shortName), d.code, usedCodes);
			Unit district = ensure(code, d.unionName(), d.levelName(), UnitKind.COMMITTEE, province, 0);
			for (String[] ward : d.wards) {
				String wardName = ward[1];
				String prefix = wardName.startsWith("Thị trấn") ? "TT" : "";
				String wardCode = code + "-" + prefix + slug(stripLevel(wardName));
				int members = demo ? demoMembers(ward[0]) : 0;
				ensure(wardCode, "Đoàn " + lowerFirst(wardName), "Đoàn cơ sở", UnitKind.COMMUNE, district, members);
			}
			if (d.code.equals(TRIEU_SON_GSO)) {
				addSchoolsAndAgencies(district, demo);
			}
		}
		if (demo) {
			addDemoBranches();
		}
		int added = (int) units.count() - before;
		log.info("Unit tree {} loaded: {} units added", tree, added);
		return added;
	}

	private void addSchoolsAndAgencies(Unit district, boolean demo) {
		ensure("TS-THPTTS1", "Đoàn trường THPT Triệu Sơn 1", "Đoàn cơ sở", UnitKind.SCHOOL, district, demo ? 1150 : 0);
		ensure("TS-THPTTS2", "Đoàn trường THPT Triệu Sơn 2", "Đoàn cơ sở", UnitKind.SCHOOL, district, demo ? 1080 : 0);
		ensure("TS-THPTTS3", "Đoàn trường THPT Triệu Sơn 3", "Đoàn cơ sở", UnitKind.SCHOOL, district, demo ? 990 : 0);
		ensure("TS-CAH", "Đoàn cơ sở Công an huyện Triệu Sơn", "Đoàn cơ sở", UnitKind.ARMED_FORCES, district, demo ? 64 : 0);
		ensure("TS-BCHQS", "Đoàn cơ sở Ban Chỉ huy Quân sự huyện Triệu Sơn", "Đoàn cơ sở", UnitKind.ARMED_FORCES, district, demo ? 48 : 0);
		ensure("TS-TTYT", "Đoàn cơ sở Trung tâm Y tế huyện Triệu Sơn", "Đoàn cơ sở", UnitKind.AGENCY, district, demo ? 72 : 0);
		ensure("TS-KCQ", "Đoàn Khối cơ quan huyện Triệu Sơn", "Đoàn cơ sở", UnitKind.AGENCY, district, demo ? 136 : 0);
	}

	/** A few branches (chi đoàn) so that a demo shows the fourth level and a lower-secondary school. */
	private void addDemoBranches() {
		for (String commune : List.of("TS-THODAN", "TS-THOTAN")) {
			units.findByCode(commune).ifPresent(parent -> {
				ensure(commune + "-T1", "Chi đoàn thôn 1", "Chi đoàn", UnitKind.COMMUNE, parent, 35);
				ensure(commune + "-T2", "Chi đoàn thôn 2", "Chi đoàn", UnitKind.COMMUNE, parent, 28);
				ensure(commune + "-THCS", "Chi đoàn trường THCS " + parent.name().substring("Đoàn xã ".length()),
						"Chi đoàn", UnitKind.SCHOOL, parent, 18);
			});
		}
	}

	private Unit ensure(String code, String name, String level, UnitKind kind, Unit parent, int members) {
		return units.findByCode(code)
			.orElseGet(() -> units.save(new Unit(units.nextId(), code, name, level, kind, members, parent)));
	}

	private static int demoMembers(String gsoCode) {
		return 120 + Math.floorMod(gsoCode.hashCode() * 31, 260);
	}

	private static String uniqueCode(String base, String gso, Set<String> used) {
		String code = used.contains(base) ? base + gso : base;
		used.add(code);
		return code;
	}

	private static String initials(String name) {
		StringBuilder b = new StringBuilder();
		for (String word : TextNormalizer.fold(name).split("\\s+")) {
			if (!word.isEmpty()) {
				b.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		return b.toString();
	}

	static String slug(String name) {
		return TextNormalizer.fold(name).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	private static String stripLevel(String name) {
		return name.replaceFirst("^(Thị trấn|Xã|Phường)\\s+", "");
	}

	private static String lowerFirst(String s) {
		return Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	private static Map<String, District> readDistricts() {
		Map<String, District> districts = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("seed/thanh-hoa-units-pre2025.csv").getInputStream(), StandardCharsets.UTF_8))) {
			in.readLine(); // header
			for (String line; (line = in.readLine()) != null;) {
				String[] f = line.split(",");
				if (f.length < 6) {
					continue;
				}
				districts.computeIfAbsent(f[2], code -> new District(code, f[3])).wards.add(new String[] { f[4], f[5] });
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return districts;
	}

	private static final class District {

		final String code;

		final String fullName;

		final String shortName;

		final List<String[]> wards = new java.util.ArrayList<>();

		District(String code, String fullName) {
			this.code = code;
			this.fullName = fullName;
			this.shortName = fullName.replaceFirst("^(Thành phố|Thị xã|Huyện)\\s+", "");
		}

		String levelName() {
			if (fullName.startsWith("Thành phố")) {
				return "Thành đoàn";
			}
			return fullName.startsWith("Thị xã") ? "Thị đoàn" : "Huyện đoàn";
		}

		String unionName() {
			return levelName() + " " + shortName;
		}
	}
}
