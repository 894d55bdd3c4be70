package vn.ideabank.initiative.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeSettings;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.Decision;

/**
 * The office's forms on an application's pages: the decision with its date, who was present at the council's meeting,
 * priority among the similar earlier filings, the remuneration switch and the remuneration page. A refusal shows the
 * form again with the message and what was typed or ticked, and changes nothing.
 */
class InitiativeOfficePagesTests extends IntegrationTest {

	static final String OFFICE = "huyendoan.trieuson";

	@Autowired
	ApplicationContext context;

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeSettings settings;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	long version(long id) {
		return jdbc.sql("select version from initiative_application where id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void theDecisionFormIsDatedTodayAndARefusedDateKeepsWhatWasTyped() throws Exception {
		LocalDate received = LocalDate.now().minusDays(3);
		var v = InitiativeTestWorld.voted(context, this::caller, ReviewTestData.unique("Giàn phơi nông sản "), received, Decision.ACCEPT);
		long id = v.application().id();
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("id=\"decision-form\"", "name=\"decidedOn\"", "value=\"" + LocalDate.now() + "\"",
					"min=\"" + received + "\"", "max=\"" + LocalDate.now() + "\"", "Ngày quyết định");

		var refused = mvc.post().uri("/initiatives/{id}/decision", id).with(as(OFFICE)).with(csrf()).param("recognise", "true")
			.param("reach", "DISTRICT").param("decisionNo", "77/QĐ-ĐTN-thu").param("signerName", "Lương Văn Đức")
			.param("decidedOn", LocalDate.now().plusDays(2).toString()).param("version", String.valueOf(version(id)));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Ngày quyết định không thể sau hôm nay.", "value=\"77/QĐ-ĐTN-thu\"", "value=\"Lương Văn Đức\"");
		assertThat(applications.get(caller(OFFICE), id).status()).isEqualTo(Status.ACCEPTED);

		var done = mvc.post().uri("/initiatives/{id}/decision", id).with(as(OFFICE)).with(csrf()).param("recognise", "true")
			.param("reach", "DISTRICT").param("decisionNo", "77/QĐ-ĐTN").param("signerName", "Lương Văn Đức")
			.param("decidedOn", received.plusDays(1).toString()).param("version", String.valueOf(version(id)));
		assertThat(done).hasStatus3xxRedirection().hasRedirectedUrl("/initiatives/" + id);
		var decided = applications.get(caller(OFFICE), id);
		assertThat(decided.status()).isEqualTo(Status.RECOGNISED);
		assertThat(decided.decidedOn()).isEqualTo(received.plusDays(1));
		// decided: no step is left, so no "Xử lý đơn" heading over nothing
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.doesNotContain("Xử lý đơn", "decision-form");
	}

	@Test
	void aCouncilVoteAgainstStartsTheDecisionFormAsARefusal() throws Exception {
		var v = InitiativeTestWorld.voted(context, this::caller, ReviewTestData.unique("Đèn bẫy côn trùng "), LocalDate.now(),
				Decision.REJECT);
		String page = mvc.get().uri("/initiatives/{id}", v.application().id()).with(as(OFFICE)).exchange().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Hội đồng biểu quyết không đề nghị công nhận sáng kiến.")
			.containsPattern("<option value=\"false\"[^>]*selected").doesNotContainPattern("<option value=\"true\"[^>]*selected");
	}

	@Test
	void theOfficeTicksWhoWasPresentAndARefusalKeepsTheTicks() throws Exception {
		var v = InitiativeTestWorld.voted(context, this::caller, ReviewTestData.unique("Bếp đun trấu "), LocalDate.now(), Decision.ACCEPT);
		long id = v.application().id();
		long binh = caller("tran.thi.binh").accountId(), cuong = caller("le.van.cuong").accountId();
		// the scorer is ticked by default, the other member is not
		String page = mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE)).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"meeting-form\"", "Thành viên có mặt", "Trần Thị Bình", "Lê Văn Cường");
		assertThat(ticked(page, binh)).isTrue();
		assertThat(ticked(page, cuong)).isFalse();

		var refused = mvc.post().uri("/initiatives/{id}/meeting", id).with(as(OFFICE)).with(csrf())
			.param("present", String.valueOf(binh)).param("chairId", String.valueOf(cuong)).param("version", String.valueOf(version(id)));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText().contains("Chủ tọa phải là một thành viên có mặt.");
		String again = refused.exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ticked(again, binh)).isTrue();
		assertThat(ticked(again, cuong)).isFalse();
		assertThat(jdbc.sql("select count(*) from initiative_meeting_member where application_id = :id").param("id", id)
			.query(Long.class).single()).isZero();

		assertThat(mvc.post().uri("/initiatives/{id}/meeting", id).with(as(OFFICE)).with(csrf()).param("present", String.valueOf(binh))
			.param("present", String.valueOf(cuong)).param("chairId", String.valueOf(cuong)).param("secretaryId", String.valueOf(binh))
			.param("version", String.valueOf(version(id)))).hasStatus3xxRedirection();
		assertThat(jdbc.sql("select part from initiative_meeting_member where application_id = :id and account_id = :a")
			.param("id", id).param("a", cuong).query(String.class).single()).isEqualTo("CHAIR");
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Đã ghi thành phần dự họp");
		// an officer of the commune sees the application but not the office's steps
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.doesNotContain("meeting-form", "decision-form");
	}

	@Test
	void theOfficeChoosesTheEarlierFilingAmongTheSimilarOnes() throws Exception {
		String title = ReviewTestData.unique("Máy bóc vỏ lạc xbocvolac ");
		var earlier = InitiativeTestWorld.voted(context, this::caller, title, LocalDate.now(), null);
		var later = InitiativeTestWorld.voted(context, this::caller, title, LocalDate.now(), null);
		long id = later.application().id();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> mvc.get().uri("/initiatives/{id}", id)
			.with(as(OFFICE)).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).contains(earlier.idea().code()));
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("id=\"priority-form\"", "Quyền ưu tiên", "name=\"earlierId\"", "value=\"" + earlier.application().id() + "\"");

		var refused = mvc.post().uri("/initiatives/{id}/priority", id).with(as(OFFICE)).with(csrf()).param("earlierId", "987654321")
			.param("version", String.valueOf(version(id)));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Không tìm thấy đơn nộp trước này trong phạm vi của bạn.");
		assertThat(mvc.post().uri("/initiatives/{id}/priority", id).with(as(OFFICE)).with(csrf())
			.param("earlierId", String.valueOf(earlier.application().id())).param("version", String.valueOf(version(id))))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("trùng giải pháp với đơn " + earlier.idea().code()).doesNotContain("id=\"priority-form\"");
		assertThat(mvc.get().uri("/initiatives?status=ACCEPTED").with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Nộp sau đơn trùng giải pháp");
	}

	@Test
	void theRemunerationPagesFollowTheOfficesSwitch() throws Exception {
		long ts = units.findByCode("TS").orElseThrow().id();
		var s = settings.of(caller(OFFICE), ts);
		if (s.remuneration()) {
			settings.setRemuneration(caller(OFFICE), new SetRemuneration(ts, false, s.version()));
		}
		var v = InitiativeTestWorld.voted(context, this::caller, ReviewTestData.unique("Máy thái chuối "), LocalDate.now(), Decision.ACCEPT);
		long id = v.application().id();
		assertThat(mvc.post().uri("/initiatives/{id}/decision", id).with(as(OFFICE)).with(csrf()).param("recognise", "true")
			.param("reach", "BASE").param("decisionNo", "5/QĐ").param("decidedOn", LocalDate.now().toString())
			.param("version", String.valueOf(version(id)))).hasStatus3xxRedirection();

		// off: no link, a hint for the office, the page itself refuses with the reason
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.doesNotContain("/initiatives/" + id + "/benefits").contains("Đơn vị chưa bật phần thù lao tác giả");
		assertThat(mvc.get().uri("/initiatives/{id}/benefits", id).with(as(OFFICE))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
			.bodyText().contains("chưa bật phần thù lao tác giả sáng kiến");

		// the office turns it on from the register page
		assertThat(mvc.get().uri("/initiatives").with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Cài đặt của văn phòng", "Thù lao tác giả — Huyện đoàn Triệu Sơn");
		assertThat(mvc.get().uri("/initiatives").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.doesNotContain("Cài đặt của văn phòng");
		assertThat(mvc.post().uri("/initiatives/settings").with(as("doan.thodan")).with(csrf()).param("unitId", String.valueOf(ts))
			.param("remuneration", "true").param("version", String.valueOf(settings.of(caller(OFFICE), ts).version())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/initiatives/settings").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(ts))
			.param("remuneration", "true").param("version", String.valueOf(settings.of(caller(OFFICE), ts).version())))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("/initiatives/" + id + "/benefits");

		// the remuneration page: empty table, the form for year 1; a negative gain is refused and the typed values stay
		assertThat(mvc.get().uri("/initiatives/{id}/benefits", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Thù lao tác giả sáng kiến", "Chưa ghi năm áp dụng nào.", "id=\"benefit-form\"", "7% số tiền làm lợi");
		var refused = mvc.post().uri("/initiatives/{id}/benefits", id).with(as(OFFICE)).with(csrf()).param("yearNo", "1")
			.param("gain", "-300").param("transferPrice", "41000000");
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText().contains("value=\"41000000\"");
		assertThat(jdbc.sql("select count(*) from initiative_benefit where application_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		assertThat(mvc.post().uri("/initiatives/{id}/benefits", id).with(as(OFFICE)).with(csrf()).param("yearNo", "1")
			.param("gain", "120000000").param("paid", "8400000")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/initiatives/" + id + "/benefits");
		assertThat(mvc.get().uri("/initiatives/{id}/benefits", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("120.000.000", "8.400.000", "/initiatives/" + id + "/benefits.xlsx");
		var xlsx = mvc.get().uri("/initiatives/{id}/benefits.xlsx", id).with(as(OFFICE)).exchange().getResponse();
		assertThat(xlsx.getStatus()).isEqualTo(200);
		assertThat(xlsx.getHeader("Content-Disposition")).contains("thu-lao-sang-kien.xlsx");
		// an officer of the commune reads the lines but has no form
		assertThat(mvc.get().uri("/initiatives/{id}/benefits", id).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("120.000.000").doesNotContain("benefit-form");
	}

	/** Whether the meeting form's box of this member is ticked. */
	static boolean ticked(String html, long accountId) {
		Matcher m = Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*>").matcher(html);
		while (m.find()) {
			if (m.group().contains("value=\"" + accountId + "\"")) {
				return m.group().contains("checked");
			}
		}
		throw new AssertionError("no box for member " + accountId);
	}
}
