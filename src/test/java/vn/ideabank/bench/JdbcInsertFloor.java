package vn.ideabank.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.ideabank.member.TargetGroup;

/**
 * The floor of submit-idea: the same rows (code counter, idea, author, two benefits, history) with plain JDBC, one
 * transaction per idea, into the same database: what the API costs on top of SQL.
 */
final class JdbcInsertFloor implements Scenarios.Scenario {

	private final String url;

	private final String user;

	private final String password;

	private final List<Connection> connections = new ArrayList<>();

	JdbcInsertFloor(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public String name() {
		return "jdbc-insert";
	}

	@Override
	public String floor() {
		return null;
	}

	@Override
	public String setUp(Context ctx, int clients) throws Exception {
		if (url == null) {
			return "no database URL (--db-url or bench.properties)";
		}
		for (int i = 0; i < clients; i++) {
			Connection c = DriverManager.getConnection(url, user, password);
			c.setAutoCommit(false);
			connections.add(c);
		}
		return null;
	}

	@Override
	public void call(Context ctx, int client, SplittableRandom r) throws Exception {
		IdeaTexts.Text t = IdeaTexts.generate(r, "xã Thọ Dân", TargetGroup.RURAL_YOUTH);
		Connection c = connections.get(client);
		try {
			long number;
			try (PreparedStatement ps = c.prepareStatement("insert into idea_code_counter (prefix, year, last) values ('FLOOR', 2026, 1) "
					+ "on conflict (prefix, year) do update set last = idea_code_counter.last + 1 returning last");
					ResultSet rs = ps.executeQuery()) {
				rs.next();
				number = rs.getLong(1);
			}
			long unit = ctx.unit("commune");
			long id;
			try (PreparedStatement ps = c.prepareStatement("""
					insert into idea (code, unit_id, unit_path, year, kind, title, summary, problem, solution, novelty, scope_where,
					  application_area, sector_field, target_group, status, created_by, created_by_author)
					values (?, ?, (select path from org_unit where id = ?), 2026, 'IDEA', ?, ?, ?, ?, ?, ?, ?, ?, 'RURAL_YOUTH', 'DRAFT', ?, false)
					returning id""")) {
				ps.setString(1, "FLOOR-2026-%06d".formatted(number));
				ps.setLong(2, unit);
				ps.setLong(3, unit);
				ps.setString(4, t.title());
				ps.setString(5, t.summary());
				ps.setString(6, t.problem());
				ps.setString(7, t.solution());
				ps.setString(8, t.novelty());
				ps.setString(9, t.scopeWhere());
				ps.setString(10, t.area().name());
				ps.setString(11, t.field().name());
				ps.setLong(12, Long.parseLong(ctx.bench.getProperty("admin.id")));
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
				}
			}
			try (PreparedStatement a = c.prepareStatement("insert into idea_author (idea_id, position, full_name) values (?, 0, 'Nguyễn Văn Bench')");
					PreparedStatement b = c.prepareStatement("insert into idea_benefit (idea_id, benefit) values (?, ?)");
					PreparedStatement h = c.prepareStatement("insert into idea_history (idea_id, actor_id, actor_name, step, to_status) "
							+ "values (?, ?, 'Bench', 'CREATE', 'DRAFT')")) {
				a.setLong(1, id);
				a.executeUpdate();
				for (String benefit : List.of("SAVING", "CONVENIENCE")) {
					b.setLong(1, id);
					b.setString(2, benefit);
					b.addBatch();
				}
				b.executeBatch();
				h.setLong(1, id);
				h.setLong(2, Long.parseLong(ctx.bench.getProperty("admin.id")));
				h.executeUpdate();
			}
			c.commit();
		}
		catch (Exception e) {
			c.rollback();
			throw e;
		}
	}

	@Override
	public void tearDown(Context ctx) throws Exception {
		for (Connection c : connections) {
			c.close();
		}
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("delete from idea where code like 'FLOOR-%'");
			s.execute("delete from idea_code_counter where prefix = 'FLOOR'");
		}
	}
}
