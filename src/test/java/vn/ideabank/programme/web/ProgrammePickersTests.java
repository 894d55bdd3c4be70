package vn.ideabank.programme.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaTestDataAccess;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Programme forms and API name members, startups and ideas the way people see them: a member by login, roster
 * number or name (the member picker), a startup by name or "12 — name" (the startup picker), an idea by its code.
 * Anything unknown or outside the caller's scope is a Vietnamese error on that field, and nothing is saved.
 */
class ProgrammePickersTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	private static final String OFFICE = "huyendoan.trieuson";

	private final int year = Year.now().getValue();

	@Autowired
	UnitService units;

	@Autowired
	MemberService members;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	private long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void theStartupApiTakesIdeaCodesAndRefusesAnUnknownOneWith422OnTheField() {
		UnitView unit = units.create(caller("admin"), new CreateUnit(units.findByCode("TS").orElseThrow().id(), "PKA" + RUN,
				"Đoàn thử PKA" + RUN, "Đoàn cơ sở", UnitKind.OTHER, 10));
		var own = ideas.create(caller(OFFICE), IdeaTestDataAccess.save(unit.id(), "Ý tưởng khởi nghiệp " + RUN));
		String body = """
				{"unitId": %d, "name": "%s", "field": "Nông nghiệp", "stage": "IDEA", "relatedIdeas": [%s]}""";

		assertThat(mvc.post().uri("/api/v1/startups").with(as(OFFICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(unit.id(), "Dự án sai mã " + RUN, "\"TS-1999-999999\"")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.relatedIdeas").asString()
			.contains("Không tìm thấy ý tưởng có mã “TS-1999-999999”");
		assertThat(count("select count(*) from programme_startup where unit_id = :id", unit.id())).isZero();

		var created = mvc.post().uri("/api/v1/startups").with(as(OFFICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(unit.id(), "Dự án theo mã " + RUN, "\"" + own.code().toLowerCase() + "\"")).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long startup = count("select id from programme_startup where name = :id", "Dự án theo mã " + RUN);
		assertThat(count("select idea_id from programme_startup_idea where startup_id = :id", startup)).isEqualTo(own.id());
		// old clients keep sending the number, as a JSON number
		assertThat(mvc.post().uri("/api/v1/startups").with(as(OFFICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(unit.id(), "Dự án theo số " + RUN, own.id()))).hasStatus(HttpStatus.CREATED);

		// a fund award over the API names its idea by code too
		String fund = mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Quỹ mã " + RUN).param("kind", "FUND").param("year", String.valueOf(year)).exchange().getResponse()
			.getRedirectedUrl();
		String award = """
				{"recipientName": "Phạm Thị Lan", "amount": 1000000, "awardedOn": "%d-01-02", "decisionNo": "3-QĐ", "ideaId": "%s"}""";
		assertThat(mvc.post().uri("/api/v1" + fund + "/awards").with(as(OFFICE)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(award.formatted(year, "TS-1999-999999")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.ideaId").asString()
			.contains("TS-1999-999999");
		assertThat(mvc.post().uri("/api/v1" + fund + "/awards").with(as(OFFICE)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(award.formatted(year, own.code()))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void awardAndCommendationFormsTakeTheMemberAndStartupPickersAndRefuseUnknownValuesOnTheField() {
		long district = units.findByCode("TS").orElseThrow().id();
		MemberView an = members.findByAccount(caller("nguyen.van.an").accountId()).orElseThrow();
		String fund = mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(district))
			.param("name", "Quỹ chọn người " + RUN).param("kind", "SCHOLARSHIP").param("year", String.valueOf(year)).exchange()
			.getResponse().getRedirectedUrl();
		long fundId = Long.parseLong(fund.replaceAll(".*/", ""));
		String startup = mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(district))
			.param("name", "Nấm sạch " + RUN).param("field", "Nông nghiệp").param("stage", "IDEA").exchange().getResponse()
			.getRedirectedUrl();
		long startupId = Long.parseLong(startup.replaceAll(".*/", ""));
		String awards = "select count(*) from programme_fund_award where fund_id = :id";

		// the page offers pickers, not number fields
		assertThat(mvc.get().uri(fund).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("hx-get=\"/members/pick\"", "hx-get=\"/startups/pick\"");
		// the pickers suggest within the scope
		assertThat(mvc.get().uri("/startups/pick?startupId={q}", "Nấm sạch " + RUN).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("value=\"" + startupId + "\"", startupId + " — Nấm sạch " + RUN);
		assertThat(mvc.get().uri("/startups/pick?startupId={q}", "Nấm sạch " + RUN).with(as("doan.thotan"))).hasStatusOk()
			.bodyText().doesNotContain("Nấm sạch");
		assertThat(mvc.get().uri("/members/pick?memberId=nguyen.van.an").with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("value=\"" + an.id() + "\"");

		for (String[] refused : new String[][] { { "memberId", "Không Có Ai " + RUN, "Không tìm thấy đoàn viên" },
				{ "memberId", "999999999", "Không tìm thấy đoàn viên" },
				{ "startupId", "Dự án không có " + RUN, "Không tìm thấy dự án khởi nghiệp" } }) {
			var form = mvc.post().uri(fund + "/awards").with(as(OFFICE)).with(csrf()).param("amount", "1000000")
				.param("awardedOn", year + "-01-03").param("decisionNo", "7-QĐ/" + RUN);
			form = refused[0].equals("memberId") ? form.param("memberId", refused[1])
					: form.param("recipientName", "Lê Văn C").param("startupId", refused[1]);
			assertThat(form).as(refused[1]).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains(refused[2]);
		}
		assertThat(count(awards, fundId)).isZero();

		assertThat(mvc.post().uri(fund + "/awards").with(as(OFFICE)).with(csrf()).param("memberId", "nguyen.van.an")
			.param("amount", "1000000").param("awardedOn", year + "-01-03").param("decisionNo", "7-QĐ/" + RUN)
			.param("startupId", startupId + " — Nấm sạch " + RUN)).hasStatus(HttpStatus.FOUND);
		assertThat(count("select count(*) from programme_fund_award where fund_id = :id and member_id = " + an.id()
				+ " and startup_id = " + startupId, fundId)).isEqualTo(1);

		// a commendation: the whole suggestion as the picker fills it, and a stranger's number refused
		String label = an.id() + " — " + an.fullName() + " (Chi đoàn)";
		assertThat(mvc.post().uri("/recognition").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(district))
			.param("memberId", "999999999").param("kind", "COMMENDATION").param("level", "DISTRICT")
			.param("decisionNo", "9-QĐ/" + RUN).param("decisionDate", LocalDate.now().toString()).param("issuer", "Huyện đoàn"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Không tìm thấy đoàn viên “999999999”");
		assertThat(mvc.post().uri("/recognition").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(district))
			.param("memberId", label).param("kind", "COMMENDATION").param("level", "DISTRICT")
			.param("decisionNo", "9-QĐ/" + RUN).param("decisionDate", LocalDate.now().toString()).param("issuer", "Huyện đoàn"))
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/recognition?member=" + an.id());
	}
}
