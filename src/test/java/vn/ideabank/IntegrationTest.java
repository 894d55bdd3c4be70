package vn.ideabank;

import java.util.List;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;

/**
 * Base of every integration test: one Spring context (so the suite starts PostgreSQL once), a real
 * server on a random port for the browser tests, and MockMvc for pages and API. The database is the
 * seeded Triệu Sơn tree with the demo accounts (see application-test.properties).
 * <p>
 * The database is shared by the whole suite: a test that commits data uses codes and usernames
 * unique to it, and never changes or removes the seeded units and accounts others rely on. Units
 * added under Thọ Dân or Thọ Tân would upset the scope tests that list those subtrees exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CleanTestDatabase.class)
public abstract class IntegrationTest {

	static {
		// -Dideabank.test.search=opensearch (.ci/run): every context of this JVM searches on one OpenSearch node
		vn.ideabank.search.TestOpenSearch.configureSpring();
	}

	public static final String DEMO_PASSWORD = "demo-test-password";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	@Autowired
	protected MockMvcTester mvc;

	@LocalServerPort
	protected int port;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private JdbcClient jdbcClient;

	/** The caller a request of this account would get: its role bindings with their units' paths. */
	protected Caller caller(String username) {
		var account = jdbcClient.sql("select id, display_name from account where username = :u").param("u", username)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		List<Grant> grants = jdbcClient.sql("""
				select b.role, b.unit_id, u.path from role_binding b left join org_unit u on u.id = b.unit_id
				 where b.account_id = :id order by b.id""").param("id", account[0])
			.query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2), rs.getString(3))).list();
		return new Caller((Long) account[0], username, (String) account[1], grants);
	}

	/** Signs the request in as a seeded account, with the principal the real sign-in would produce. */
	protected RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}
}
