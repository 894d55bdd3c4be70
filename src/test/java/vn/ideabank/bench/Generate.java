package vn.ideabank.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import vn.ideabank.common.text.TextNormalizer;

/**
 * {@code bench/generate}: migrates the schema (Flyway, the app's migrations), loads the real Thanh Hóa
 * tree when missing (same codes as {@code org.UnitTreeSeeder}), adds branches, creates the bench
 * accounts and API token, then COPYs members and ideas ({@link BenchData}) in chunks, updates the code
 * counters and runs the after-load hooks ({@code bench/hooks/*.sql}).
 */
public final class Generate {

	public static void main(String[] argv) throws Exception {
		Args args = new Args(argv);
		String url = args.get("db-url", "jdbc:postgresql://127.0.0.1:5432/ideabank_bench");
		String user = args.get("db-user", "postgres");
		String password = args.get("db-password", "");
		int ideas = args.getInt("ideas", 10_000);
		int members = args.getInt("members", Math.max(2_000, ideas / 4));
		long seed = args.getLong("seed", 42);
		double duplicates = args.getDouble("duplicates", 0.05);
		int branches = args.getInt("branches", 3);
		int chunk = args.getInt("chunk", 20_000);
		Path out = Path.of(args.get("out", "target/bench-data"));
		Files.createDirectories(out);
		createDatabaseIfMissing(url, user, password);
		long t0 = System.nanoTime();
		if (!args.has("no-migrate")) {
			Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
		}
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			try (Statement s = c.createStatement()) {
				s.execute("set synchronous_commit = off");
			}
			int added = seedTree(c) + addBranches(c, branches);
			System.out.printf("units: %d added%n", added);
			Properties bench = accounts(c, url, user);
			List<BenchData.UnitRow> units = units(c);
			long actor = Long.parseLong(bench.getProperty("admin.id"));
			BenchData data = new BenchData(seed, units, duplicates, actor, "Bench", counters(c));
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

			long t1 = System.nanoTime();
			long firstMember = reserve(c, "member_id_seq", members);
			Buffers mb = new Buffers(null);
			data.members(firstMember, members, mb);
			copy.copyIn("COPY " + BenchData.MEMBER_COLUMNS + " FROM STDIN", new StringReader(mb.members.toString()));
			System.out.printf("members: %,d in %.1f s%n", members, seconds(t1));

			// --bulk: the per-row outbox trigger and the per-statement tally trigger off during the load,
			// the tally rebuilt once afterwards (the app rebuilds a stale search index at start). The
			// app must be stopped: ALTER TABLE locks the tables.
			boolean bulk = args.has("bulk");
			if (bulk) {
				try (Statement s = c.createStatement()) {
					for (String sql : BULK_OFF) {
						s.execute(sql);
					}
				}
			}
			long t2 = System.nanoTime();
			long firstIdea = reserve(c, "idea_id_seq", ideas);
			try (Writer dups = Files.newBufferedWriter(out.resolve("near-duplicates-seed" + seed + ".csv"), StandardCharsets.UTF_8)) {
				dups.write("idea_id,code,original_id,original_code\n");
				for (long from = 0; from < ideas; from += chunk) {
					long to = Math.min(ideas, from + chunk);
					Buffers b = new Buffers(dups);
					data.ideas(firstIdea, from, to, b);
					copy.copyIn("COPY " + BenchData.IDEA_COLUMNS + " FROM STDIN", new StringReader(b.ideas.toString()));
					copy.copyIn("COPY " + BenchData.AUTHOR_COLUMNS + " FROM STDIN", new StringReader(b.authors.toString()));
					copy.copyIn("COPY " + BenchData.BENEFIT_COLUMNS + " FROM STDIN", new StringReader(b.benefits.toString()));
					copy.copyIn("COPY " + BenchData.HISTORY_COLUMNS + " FROM STDIN", new StringReader(b.history.toString()));
					if ((to / chunk) % 10 == 0 || to == ideas) {
						System.out.printf("ideas: %,d / %,d (%.0f ideas/s)%n", to, ideas, to / seconds(t2));
					}
				}
			}
			double ideaSeconds = seconds(t2);
			if (bulk) {
				long t3 = System.nanoTime();
				try (Statement s = c.createStatement()) {
					for (String sql : BULK_OFF) {
						s.execute(sql.replace(" disable ", " enable "));
					}
					s.execute("select idea_tally_rebuild()");
				}
				System.out.printf("bulk: triggers on again, idea_tally rebuilt in %.1f s%n", seconds(t3));
			}
			saveCounters(c, data.counters());
			runHooks(c, Path.of(args.get("hooks", "bench/hooks")));
			try (Statement s = c.createStatement()) {
				s.execute("vacuum analyze"); // statistics, and the visibility map for index-only counts
			}
			bench.setProperty("ideas.generated", Integer.toString(ideas));
			bench.setProperty("ideas.total", Long.toString(count(c, "select count(*) from idea")));
			bench.setProperty("members.total", Long.toString(count(c, "select count(*) from member")));
			bench.setProperty("seed", Long.toString(seed));
			bench.setProperty("load.ideas.seconds", "%.1f".formatted(ideaSeconds));
			try (Writer w = Files.newBufferedWriter(out.resolve("bench.properties"), StandardCharsets.UTF_8)) {
				bench.store(w, "bench/generate: accounts, token and units for bench/run (secrets: keep local)");
			}
			System.out.printf("ideas: %,d in %.1f s (%.0f ideas/s, with authors, benefits and history); total %.1f s%n", ideas,
					ideaSeconds, ideas / ideaSeconds, seconds(t0));
			System.out.printf("wrote %s and %s%n", out.resolve("bench.properties"), out.resolve("near-duplicates-seed" + seed + ".csv"));
		}
	}

	/** The triggers {@code --bulk} turns off during the load (V33 tally, V40 search outbox). */
	static final List<String> BULK_OFF = List.of("alter table idea disable trigger idea_tally_ins",
			"alter table idea disable trigger search_outbox_idea_trg",
			"alter table idea_author disable trigger search_outbox_idea_author_trg");

	/** COPY text per table, collected for one chunk. */
	private static final class Buffers implements BenchData.Sink {

		final StringBuilder members = new StringBuilder();

		final StringBuilder ideas = new StringBuilder(1 << 20);

		final StringBuilder authors = new StringBuilder();

		final StringBuilder benefits = new StringBuilder();

		final StringBuilder history = new StringBuilder();

		private final Writer duplicates;

		Buffers(Writer duplicates) {
			this.duplicates = duplicates;
		}

		public Appendable members() {
			return members;
		}

		public Appendable ideas() {
			return ideas;
		}

		public Appendable authors() {
			return authors;
		}

		public Appendable benefits() {
			return benefits;
		}

		public Appendable history() {
			return history;
		}

		public void nearDuplicate(long ideaId, String code, long originalId, String originalCode) {
			try {
				duplicates.write(ideaId + "," + code + "," + originalId + "," + originalCode + "\n");
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void createDatabaseIfMissing(String url, String user, String password) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			return;
		}
		catch (SQLException e) {
			if (!"3D000".equals(e.getSQLState())) {
				throw e;
			}
		}
		int slash = url.lastIndexOf('/');
		String name = url.substring(slash + 1).replaceFirst("\\?.*", "");
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("database name: " + name);
		}
		try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, password);
				Statement s = c.createStatement()) {
			s.execute("create database " + name);
			System.out.println("created database " + name);
		}
	}

	/** A range of ids for rows COPYed with explicit ids; the app's next insert continues after it. */
	private static long reserve(Connection c, String sequence, long count) throws SQLException {
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select nextval('%s')".formatted(sequence))) {
			rs.next();
			long first = rs.getLong(1);
			if (count > 1) {
				s.execute("select setval('%s', %d)".formatted(sequence, first + count - 1));
			}
			return first;
		}
	}

	static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// --- the unit tree -------------------------------------------------------------------------

	/** The province, its 26 districts and 547 communes, with the codes org.UnitTreeSeeder gives them. */
	private static int seedTree(Connection c) throws SQLException, IOException {
		Map<String, Long> existing = codes(c);
		if (existing.containsKey("TH")) {
			return 0;
		}
		Map<String, List<String[]>> districts = new LinkedHashMap<>();
		Map<String, String> districtNames = new HashMap<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				Generate.class.getResourceAsStream("/seed/thanh-hoa-units-pre2025.csv"), StandardCharsets.UTF_8))) {
			in.readLine();
			for (String line; (line = in.readLine()) != null;) {
				String[] f = line.split(",");
				if (f.length >= 6) {
					districts.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new String[] { f[4], f[5] });
					districtNames.put(f[2], f[3]);
				}
			}
		}
		int added = 0;
		String[] province = insertUnit(c, "TH", "Tỉnh đoàn Thanh Hóa", "Tỉnh đoàn", "COMMITTEE", null);
		added++;
		Set<String> used = new HashSet<>(List.of("TH"));
		for (var d : districts.entrySet()) {
			String full = districtNames.get(d.getKey());
			String shortName = full.replaceFirst("^(Thành phố|Thị xã|Huyện)\\s+", "");
			String level = full.startsWith("Thành phố") ? "Thành đoàn" : full.startsWith("Thị xã") ? "Thị đoàn" : "Huyện đoàn";
			String code;
			if (d.getKey().equals("397")) {
				code = "TS";
			}
			else {
				StringBuilder initials = new StringBuilder();
				for (String w : TextNormalizer.fold(shortName).split("\\s+")) {
					initials.append(Character.toUpperCase(w.charAt(0)));
				}
				code = used.contains(initials.toString()) ? initials + d.getKey() : initials.toString();
			}
			used.add(code);
			String[] district = insertUnit(c, code, level + " " + shortName, level, "COMMITTEE", province);
			added++;
			for (String[] ward : d.getValue()) {
				String wardName = ward[1];
				String prefix = wardName.startsWith("Thị trấn") ? "TT" : "";
				String slug = TextNormalizer.fold(wardName.replaceFirst("^(Thị trấn|Xã|Phường)\\s+", "")).toUpperCase(Locale.ROOT)
					.replaceAll("[^A-Z0-9]", "");
				if (!used.add(code + "-" + prefix + slug)) {
					continue; // two wards with one name in a district: the seeder keeps the first (ensure by code)
				}
				insertUnit(c, code + "-" + prefix + slug, "Đoàn " + Character.toLowerCase(wardName.charAt(0)) + wardName.substring(1),
						"Đoàn cơ sở", "COMMUNE", district);
				added++;
			}
		}
		return added;
	}

	/** Branches (chi đoàn) under each commune: the fourth level of the tree. */
	private static int addBranches(Connection c, int perCommune) throws SQLException {
		Map<String, Long> existing = codes(c);
		List<String[]> communes = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select id, code, path from org_unit where depth = 2 and kind = 'COMMUNE' "
						+ "and path like (select path from org_unit where code = 'TH') || '%' order by path")) {
			while (rs.next()) {
				communes.add(new String[] { rs.getString(2), rs.getString(3), Long.toString(rs.getLong(1)) });
			}
		}
		int added = 0;
		for (String[] commune : communes) {
			for (int n = 1; n <= perCommune; n++) {
				String code = commune[0] + "-CD" + n;
				if (!existing.containsKey(code.toUpperCase(Locale.ROOT))) {
					insertUnit(c, code, "Chi đoàn thôn " + n, "Chi đoàn", "COMMUNE", new String[] { commune[2], commune[1] });
					added++;
				}
			}
		}
		return added;
	}

	private static Map<String, Long> codes(Connection c) throws SQLException {
		Map<String, Long> codes = new HashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select upper(code), id from org_unit")) {
			while (rs.next()) {
				codes.put(rs.getString(1), rs.getLong(2));
			}
		}
		return codes;
	}

	/** Inserts a unit with the materialised path rules of org: parent path + id + '/'. Returns {id, path}. */
	private static String[] insertUnit(Connection c, String code, String name, String level, String kind, String[] parent)
			throws SQLException {
		long id = count(c, "select nextval('org_unit_seq')");
		String path = (parent == null ? "/" : parent[1]) + id + "/";
		try (PreparedStatement ps = c.prepareStatement("insert into org_unit (id, code, name, level_name, kind, parent_id, path, depth) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setLong(1, id);
			ps.setString(2, code);
			ps.setString(3, name);
			ps.setString(4, level);
			ps.setString(5, kind);
			ps.setObject(6, parent == null ? null : Long.valueOf(parent[0]));
			ps.setString(7, path);
			ps.setInt(8, path.split("/").length - 2);
			ps.executeUpdate();
		}
		return new String[] { Long.toString(id), path };
	}

	private static List<BenchData.UnitRow> units(Connection c) throws SQLException {
		List<BenchData.UnitRow> units = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select u.id, u.code, u.path, u.name, u.kind, u.depth, p.name from org_unit u "
						+ "left join org_unit p on p.id = u.parent_id where u.active and u.path like "
						+ "(select path from org_unit where code = 'TH') || '%' order by u.path")) {
			while (rs.next()) {
				units.add(new BenchData.UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getInt(6), rs.getString(7)));
			}
		}
		return units;
	}

	// --- accounts, token, counters, hooks -------------------------------------------------------

	/**
	 * {@code bench} (administrator, system-wide) with a fresh API token, and {@code bench.huyen}
	 * (office of Huyện đoàn Triệu Sơn) for the pages; both get a fresh random password each run.
	 */
	private static Properties accounts(Connection c, String url, String dbUser) throws Exception {
		SecureRandom random = new SecureRandom();
		byte[] pw = new byte[12];
		random.nextBytes(pw);
		String password = "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(pw);
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
		long province = count(c, "select id from org_unit where code = 'TH'");
		long district = count(c, "select id from org_unit where code = 'TS'");
		long commune = count(c, "select id from org_unit where code = 'TS-THODAN'");
		long admin = account(c, "bench", "Bench (quản trị)", hash, null);
		long office = account(c, "bench.huyen", "Bench Huyện đoàn Triệu Sơn", hash, district);
		try (PreparedStatement ps = c.prepareStatement("insert into role_binding (account_id, role, unit_id) values (?, ?, ?) "
				+ "on conflict do nothing")) {
			ps.setLong(1, admin);
			ps.setString(2, "ADMIN");
			ps.setObject(3, null);
			ps.executeUpdate();
			ps.setLong(1, office);
			ps.setString(2, "OFFICE");
			ps.setLong(3, district);
			ps.executeUpdate();
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = "ib_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String tokenHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		try (PreparedStatement ps = c.prepareStatement("update api_token set revoked_at = now() where account_id = ? and revoked_at is null");
				PreparedStatement ins = c.prepareStatement(
						"insert into api_token (account_id, name, token_hash, token_prefix) values (?, 'bench', ?, ?)")) {
			ps.setLong(1, admin);
			ps.executeUpdate();
			ins.setLong(1, admin);
			ins.setString(2, tokenHash);
			ins.setString(3, token.substring(0, 9));
			ins.executeUpdate();
		}
		Properties p = new Properties();
		p.setProperty("db.url", url);
		p.setProperty("db.user", dbUser);
		p.setProperty("admin.id", Long.toString(admin));
		p.setProperty("admin.username", "bench");
		p.setProperty("office.username", "bench.huyen");
		p.setProperty("password", password);
		p.setProperty("token", token);
		p.setProperty("unit.province", Long.toString(province));
		p.setProperty("unit.district", Long.toString(district));
		p.setProperty("unit.commune", Long.toString(commune));
		return p;
	}

	private static long account(Connection c, String username, String name, String hash, Long unit) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				insert into account (username, display_name, password_hash, kind, unit_id) values (?, ?, ?, 'PERSON', ?)
				on conflict (lower(username)) do update set password_hash = excluded.password_hash, enabled = true
				returning id""")) {
			ps.setString(1, username);
			ps.setString(2, name);
			ps.setString(3, hash);
			ps.setObject(4, unit);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static Map<String, Long> counters(Connection c) throws SQLException {
		Map<String, Long> counters = new HashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select prefix, year, last from idea_code_counter")) {
			while (rs.next()) {
				counters.put(rs.getString(1) + "|" + rs.getInt(2), rs.getLong(3));
			}
		}
		return counters;
	}

	/** The app keeps numbering after the loaded ideas. */
	private static void saveCounters(Connection c, Map<String, Long> counters) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				insert into idea_code_counter (prefix, year, last) values (?, ?, ?)
				on conflict (prefix, year) do update set last = greatest(idea_code_counter.last, excluded.last)""")) {
			for (var e : counters.entrySet()) {
				String[] key = e.getKey().split("\\|");
				ps.setString(1, key[0]);
				ps.setInt(2, Integer.parseInt(key[1]));
				ps.setLong(3, e.getValue());
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/**
	 * After a COPY load the app's derived data (tallies, search index…) must be rebuilt: every
	 * {@code *.sql} file in the hooks directory runs here, in name order, one statement per ';'.
	 */
	private static void runHooks(Connection c, Path dir) throws SQLException, IOException {
		if (!Files.isDirectory(dir)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
		}
		for (Path file : files) {
			long t = System.nanoTime();
			try (Statement s = c.createStatement()) {
				for (String sql : Files.readString(file).split(";\\s*(\\n|$)")) {
					if (sql.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"))) {
						s.execute(sql);
					}
				}
			}
			System.out.printf("hook %s: %.1f s%n", file.getFileName(), seconds(t));
		}
	}
}
