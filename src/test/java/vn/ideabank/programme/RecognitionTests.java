package vn.ideabank.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.RecognitionService.CommendationView;
import vn.ideabank.programme.RecognitionService.RecordCommendation;

class RecognitionTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	RecognitionService recognition;

	@Autowired
	UnitService units;

	@Autowired
	MemberService members;

	@Autowired
	vn.ideabank.idea.IdeaService ideas;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPersonsAndAUnitsPagesListWhatTheyReceived() {
		Caller office = caller("huyendoan.trieuson");
		UnitView unit = units.create(caller("admin"), new CreateUnit(units.findByCode("TS").orElseThrow().id(), "PGK" + RUN,
				"Đoàn thử PGK" + RUN, "Đoàn cơ sở", UnitKind.OTHER, 10));
		MemberView an = members.findByAccount(caller("nguyen.van.an").accountId()).orElseThrow();
		String decision = "15-QĐ/" + RUN;
		CommendationView toMember = recognition.record(office, new RecordCommendation(null, CommendationKind.REWARD,
				CommendationLevel.DISTRICT, decision, LocalDate.of(2025, 3, 26), "Huyện đoàn Triệu Sơn", an.id(), null, null,
				"Có ý tưởng xuất sắc"));
		assertThat(toMember.recipientName()).isEqualTo(an.fullName());
		assertThat(toMember.unitId()).isEqualTo(an.unitId());
		CommendationView toUnit = recognition.record(office, new RecordCommendation(unit.id(), CommendationKind.COMMENDATION,
				CommendationLevel.PROVINCE, "20-QĐ/" + RUN, LocalDate.of(2025, 5, 1), "Tỉnh đoàn Thanh Hoá", null, null, null, null));
		assertThat(toUnit.toUnit()).isTrue();

		assertThat(recognition.list(office, null, an.id(), PageRequest.of(0, 50)).getContent()).extracting(CommendationView::id)
			.contains(toMember.id()).doesNotContain(toUnit.id());
		assertThat(recognition.list(office, unit.id(), null, PageRequest.of(0, 50)).getContent()).extracting(CommendationView::id)
			.containsExactly(toUnit.id());
		assertThat(recognition.list(caller("doan.thotan"), null, null, PageRequest.of(0, 500)).getContent())
			.extracting(CommendationView::id).doesNotContain(toMember.id(), toUnit.id());
		assertThatThrownBy(() -> recognition.list(caller("doan.thotan"), null, an.id(), PageRequest.of(0, 10)))
			.isInstanceOf(ForbiddenException.class);

		// bad input: a decision in the future, no decision number; nothing saved
		assertThatThrownBy(() -> recognition.record(office, new RecordCommendation(unit.id(), CommendationKind.REWARD,
				CommendationLevel.DISTRICT, "1-QĐ", LocalDate.now().plusDays(2), "Huyện đoàn", null, null, null, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("decisionDate"));
		assertThatThrownBy(() -> recognition.record(caller("doan.thotan"), new RecordCommendation(unit.id(),
				CommendationKind.REWARD, CommendationLevel.DISTRICT, "1-QĐ", LocalDate.of(2025, 1, 1), "Huyện đoàn", null, null,
				null, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(recognition.list(office, unit.id(), null, PageRequest.of(0, 50)).getTotalElements()).isEqualTo(1);

		// the pages: linked from the member and unit pages, listing what they received
		assertThat(mvc.get().uri("/members/{id}", an.id()).with(as("huyendoan.trieuson"))).bodyText()
			.contains("/recognition?member=" + an.id());
		assertThat(mvc.get().uri("/recognition?member={id}", an.id()).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains(decision, "Khen thưởng", "Huyện");
		assertThat(mvc.get().uri("/units/{id}", unit.id()).with(as("huyendoan.trieuson"))).bodyText()
			.contains("/recognition?unit=" + unit.id());
		assertThat(mvc.get().uri("/recognition?unit={id}", unit.id()).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("20-QĐ/" + RUN, "Tuyên dương");
		assertThat(mvc.post().uri("/recognition").with(as("huyendoan.trieuson")).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("kind", "REWARD").param("level", "DISTRICT").param("decisionNo", "").param("decisionDate", "2025-01-01")
			.param("issuer", "Huyện đoàn")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.post().uri("/recognition").with(as("huyendoan.trieuson")).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("kind", "REWARD").param("level", "DISTRICT").param("decisionNo", "30-QĐ").param("decisionDate", "2025-01-01")
			.param("issuer", "Huyện đoàn")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/recognition/new").with(as("huyendoan.trieuson"))).hasStatusOk();
	}

	@Test
	void aCommendationNamesItsIdeaByTheCodeShownOnItAndAnUnknownCodeIsRefusedOnTheField() {
		UnitView unit = units.findByCode("TS-THODAN").orElseThrow();
		var idea = ideas.create(caller("doan.thodan"), vn.ideabank.idea.IdeaTestDataAccess.save(unit.id(),
				"Sáng kiến được khen " + RUN));
		long before = jdbc.sql("select count(*) from programme_commendation").query(Long.class).single();
		assertThat(mvc.post().uri("/recognition").with(as("huyendoan.trieuson")).with(csrf())
			.param("unitId", String.valueOf(unit.id())).param("kind", "REWARD").param("level", "DISTRICT")
			.param("decisionNo", "40-QĐ/" + RUN).param("decisionDate", "2025-01-01").param("issuer", "Huyện đoàn")
			.param("ideaId", "TS-2099-999999")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Không tìm thấy ý tưởng có mã “TS-2099-999999” trong phạm vi của bạn", "id=\"ideaId-error\"");
		assertThat(jdbc.sql("select count(*) from programme_commendation").query(Long.class).single()).isEqualTo(before);
		assertThat(mvc.post().uri("/recognition").with(as("huyendoan.trieuson")).with(csrf())
			.param("unitId", String.valueOf(unit.id())).param("kind", "REWARD").param("level", "DISTRICT")
			.param("decisionNo", "41-QĐ/" + RUN).param("decisionDate", "2025-01-01").param("issuer", "Huyện đoàn")
			.param("ideaId", " " + idea.code().toLowerCase(java.util.Locale.ROOT) + " ")).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select idea_id from programme_commendation where decision_no = :d").param("d", "41-QĐ/" + RUN)
			.query(Long.class).single()).isEqualTo(idea.id());
	}
}
