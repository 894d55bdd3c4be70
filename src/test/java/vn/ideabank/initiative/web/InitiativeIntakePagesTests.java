package vn.ideabank.initiative.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.RubricService;

/**
 * The office's intake, return and council forms on an application's page: a refusal shows the page again with the
 * message next to the field and what was typed or chosen, and changes nothing.
 */
class InitiativeIntakePagesTests extends IntegrationTest {

	static final String OFFICE = InitiativeOfficePagesTests.OFFICE;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	ReviewService reviews;

	@Autowired
	RubricService rubrics;

	@Autowired
	JdbcClient jdbc;

	/** A new application of nguyen.van.an at TS-THODAN-T1, filed and waiting for the district office. */
	ApplicationView filed(String title) {
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		var idea = InitiativeTestWorld.endorsedIdea(ideas, caller("nguyen.van.an"), caller("doan.thodan"), t1,
				ReviewTestData.unique(title));
		return applications.file(caller("nguyen.van.an"),
				InitiativeTestWorld.application(idea.id(), "x", new BigDecimal("60"), new BigDecimal("40")));
	}

	/** What the office's steps write on the application. */
	Map<String, Object> steps(long id) {
		return jdbc.sql("""
				select status, version, register_no, received_on, accepted_on, due_on, returned_on, return_reason, council_id
				  from initiative_application where id = :id""").param("id", id).query().singleRow();
	}

	long version(long id) {
		return jdbc.sql("select version from initiative_application where id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void aRefusedIntakeKeepsTheTypedDatesAndShowsTheMessageByTheDueDate() {
		long id = filed("Máy sấy cà phê ").id();
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("id=\"intake-form\"", "name=\"receivedOn\"", "name=\"dueOn\"");
		var before = steps(id);
		LocalDate received = LocalDate.now().minusDays(2), due = LocalDate.now().minusDays(1);

		var refused = mvc.post().uri("/initiatives/{id}/register", id).with(as(OFFICE)).with(csrf())
			.param("receivedOn", received.toString()).param("dueOn", due.toString()).param("version", String.valueOf(version(id)));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("id=\"dueOn-error\"", "Hạn trả lời không thể là một ngày đã qua.", "value=\"" + received + "\"",
					"value=\"" + due + "\"");
		assertThat(steps(id)).isEqualTo(before);

		assertThat(mvc.post().uri("/initiatives/{id}/register", id).with(as(OFFICE)).with(csrf())
			.param("receivedOn", received.toString()).param("version", String.valueOf(version(id))))
			.hasStatus3xxRedirection().hasRedirectedUrl("/initiatives/" + id);
		assertThat(applications.get(caller(OFFICE), id).receivedOn()).isEqualTo(received);
	}

	@Test
	void aRefusedReturnKeepsTheTypedReason() {
		long id = filed("Lò đốt rác mini ").id();
		var before = steps(id);
		var empty = mvc.post().uri("/initiatives/{id}/return", id).with(as(OFFICE)).with(csrf()).param("reason", "  ")
			.param("version", String.valueOf(version(id)));
		assertThat(empty).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("id=\"return-form\"", "id=\"reason-error\"", "Ghi rõ lý do và nội dung cần bổ sung.");

		// someone else took it in meanwhile: the typed reason stays in the box
		String reason = "Thiếu bản vẽ bộ điều khiển & ảnh chụp thực tế";
		var stale = mvc.post().uri("/initiatives/{id}/return", id).with(as(OFFICE)).with(csrf()).param("reason", reason)
			.param("version", String.valueOf(version(id) - 1));
		assertThat(stale).hasStatus(HttpStatus.CONFLICT).bodyText()
			.contains("Dữ liệu vừa được người khác thay đổi.", "Thiếu bản vẽ bộ điều khiển &amp; ảnh chụp thực tế</textarea>");
		assertThat(steps(id)).isEqualTo(before);
	}

	@Test
	void aRefusedSendingToTheCouncilKeepsTheChosenCouncil() {
		var a = filed("Bể lọc nước giếng ");
		long id = a.id();
		procedure.register(caller(OFFICE), id, new Register(null, null, a.version()));
		long ts = units.findByCode("TS").orElseThrow().id();
		var council = InitiativeTestWorld.council(reviews, rubrics, caller(OFFICE), ts);
		assertThat(mvc.get().uri("/initiatives/{id}", id).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("id=\"council-form\"", "value=\"" + council.id() + "\"");
		var before = steps(id);

		var unknown = mvc.post().uri("/initiatives/{id}/council", id).with(as(OFFICE)).with(csrf()).param("councilId", "987654321")
			.param("version", String.valueOf(version(id)));
		assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("id=\"councilId-error\"", "Không tìm thấy hội đồng này trong phạm vi của bạn.");

		var stale = mvc.post().uri("/initiatives/{id}/council", id).with(as(OFFICE)).with(csrf())
			.param("councilId", String.valueOf(council.id())).param("version", String.valueOf(version(id) - 1));
		assertThat(stale).hasStatus(HttpStatus.CONFLICT).bodyText().contains("Dữ liệu vừa được người khác thay đổi.")
			.containsPattern("<option value=\"" + council.id() + "\"[^>]*selected");
		assertThat(steps(id)).isEqualTo(before);
		assertThat(applications.get(caller(OFFICE), id).status()).isEqualTo(Status.ACCEPTED);
		assertThat(reviews.results(caller(OFFICE), council.id())).isEmpty();
	}
}
