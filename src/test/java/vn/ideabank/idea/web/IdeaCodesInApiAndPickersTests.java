package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.member.Gender;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.SaveMember;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;

/** The code shown on an idea works in the API's bulk step, and the three pickers answer options within the caller's scope. */
class IdeaCodesInApiAndPickersTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberService members;

	private IdeaView submitted(String unitCode, String officer, String title) {
		Caller who = caller(officer);
		IdeaContent content = new IdeaContent(Year.now().getValue(), IdeaKind.IDEA, title, "Tóm tắt", "Vấn đề", "Giải pháp",
				"Điểm mới", Set.of(Benefit.SAVING), null, "Thọ Dân", null, null, null, null, null, null, false);
		IdeaView idea = ideas.create(who, new SaveIdea(units.findByCode(unitCode).orElseThrow().id(), content,
				List.of(new AuthorRef(null, "Lê Văn Hàng"))));
		return ideas.step(who, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private String status(long id) {
		return jdbc.sql("select status from idea where id = :id").param("id", id).query(String.class).single();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult post(String body) {
		return mvc.post().uri("/api/v1/ideas/steps").with(as("doan.thodan")).with(csrf()).header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	@Test
	void theBulkStepTakesCodesBesideNumbersAndAnUnknownCodeIsRefusedOnIdsWithNothingDone() {
		IdeaView byCode = submitted("TS-THODAN-T1", "doan.thodan", "Mã qua API " + RUN);
		IdeaView byNumber = submitted("TS-THODAN-T1", "doan.thodan", "Số qua API " + RUN);
		IdeaView elsewhere = submitted("TS-THOTAN", "doan.thotan", "Xã bên qua API " + RUN);

		assertThat(post("""
				{"step": "ENDORSE", "ids": ["%s", "TS-1999-999999"]}""".formatted(byCode.code())))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors.ids")
			.isEqualTo("Không tìm thấy ý tưởng có mã “TS-1999-999999” trong phạm vi của bạn.");
		assertThat(post("""
				{"step": "ENDORSE", "ids": ["%s"]}""".formatted(elsewhere.code())))
			.as("another unit's code reads as unknown").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.errors.ids").isEqualTo("Không tìm thấy ý tưởng có mã “%s” trong phạm vi của bạn.".formatted(elsewhere.code()));
		assertThat(status(byCode.id())).as("nothing done").isEqualTo("SUBMITTED");
		assertThat(status(elsewhere.id())).isEqualTo("SUBMITTED");

		assertThat(post("""
				{"step": "ENDORSE", "ids": [" %s ", %d]}""".formatted(byCode.code().toLowerCase(), byNumber.id())))
			.hasStatusOk().bodyJson().extractingPath("$.done").asArray().containsExactly((int) byCode.id(), (int) byNumber.id());
		assertThat(status(byCode.id())).isEqualTo("ENDORSED");
	}

	@Test
	void theIdeaPickerAnswersOptionsOfReadableIdeasUnderTheFieldsOwnName() {
		IdeaView mine = submitted("TS-THODAN-T1", "doan.thodan", "Bếp đun trấu " + RUN);
		IdeaView elsewhere = submitted("TS-THOTAN", "doan.thotan", "Bếp đun trấu xã bên " + RUN);
		assertThat(mvc.get().uri("/ideas/pick").param("ideaId", "bep dun trau " + RUN).with(as("doan.thodan")))
			.hasStatusOk().bodyText()
			.contains("<option value=\"" + mine.code() + "\">" + mine.code() + " — Bếp đun trấu " + RUN + "</option>")
			.doesNotContain(elsewhere.code());
		assertThat(mvc.get().uri("/ideas/pick").param("q", mine.code().substring(0, 8).toLowerCase()).with(as("doan.thodan")))
			.hasStatusOk().bodyText().contains("<option value=\"TS-");
	}

	@Test
	void theUnitPickerFindsUnitsByCodeOrNameWithoutAccentsInsideTheScopeOnly() {
		assertThat(mvc.get().uri("/units/pick").param("unit", "tho dan").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("<option value=\"TS-THODAN\">TS-THODAN — ").doesNotContain("TS-THOTAN\"");
		assertThat(mvc.get().uri("/units/pick").param("q", "ts-thot").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("<option value=\"TS-THOTAN\">");
		assertThat(mvc.get().uri("/units/pick").param("q", "tho tan").with(as("doan.thodan"))).as("another commune").hasStatusOk()
			.bodyText().doesNotContain("<option");
	}

	@Test
	void theMemberPickerFindsMembersByNameWordsOrNumberInsideTheScopeOnly() {
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		String name = "Đặng Thị Ngọc Ánh " + RUN;
		long id = members.create(caller("doan.thodan"), new SaveMember(unit, name, LocalDate.of(2001, 3, 2), Gender.FEMALE,
				TargetGroup.RURAL_YOUTH, null, null, MemberStatus.UNION_MEMBER, null)).id();
		assertThat(mvc.get().uri("/members/pick").param("memberId", "dang anh " + RUN.toLowerCase()).with(as("doan.thodan")))
			.hasStatusOk().bodyText().contains("<option value=\"" + id + "\">" + id + " — " + name);
		assertThat(mvc.get().uri("/members/pick").param("q", Long.toString(id)).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("<option value=\"" + id + "\">");
		assertThat(mvc.get().uri("/members/pick").param("q", Long.toString(id)).with(as("doan.thotan"))).as("another commune")
			.hasStatusOk().bodyText().doesNotContain("<option");
		assertThat(mvc.get().uri("/members/pick").param("q", "dang anh " + RUN.toLowerCase()).with(as("doan.thotan")))
			.hasStatusOk().bodyText().doesNotContain("<option");
	}

	@Test
	void theIdeaListFiltersByAUnitCodeOrNumberWithoutListingTheSubtreeAndSaysWhenTheCodeIsUnknown() throws Exception {
		IdeaView thodan = submitted("TS-THODAN-T1", "doan.thodan", "Lọc theo mã đơn vị " + RUN);
		IdeaView thotan = submitted("TS-THOTAN", "doan.thotan", "Lọc theo mã đơn vị " + RUN);
		long thodanId = units.findByCode("TS-THODAN").orElseThrow().id();

		String byCode = mvc.get().uri("/ideas").param("q", RUN).param("unit", " ts-thodan ").with(as("huyendoan.trieuson"))
			.exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(byCode).contains(thodan.code()).doesNotContain(thotan.code())
			.contains("id=\"unit\"", "value=\"TS-THODAN\"", "hx-get=\"/units/pick\"")
			.as("no option per unit of the subtree").doesNotContain("<option value=\"" + thodanId + "\"");
		assertThat(mvc.get().uri("/ideas").param("q", RUN).param("unit", String.valueOf(thodanId)).with(as("huyendoan.trieuson")))
			.hasStatusOk().bodyText().contains(thodan.code()).doesNotContain(thotan.code());
		assertThat(mvc.get().uri("/ideas").param("q", RUN).param("unit", "TS-KHONGCO").with(as("huyendoan.trieuson")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("id=\"unit-error\"", "Không tìm thấy đơn vị có mã này trong phạm vi của bạn");
		assertThat(mvc.get().uri("/ideas").param("q", RUN).param("unit", "TS-THOTAN").with(as("doan.thodan")))
			.as("another commune's code reads as unknown").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("id=\"unit-error\"")
			.doesNotContain(thotan.code());
	}
}
