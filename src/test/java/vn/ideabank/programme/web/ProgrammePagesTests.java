package vn.ideabank.programme.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Year;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

class ProgrammePagesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	private static final String OFFICE = "huyendoan.trieuson";

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.ideabank.idea.IdeaService ideas;

	private UnitView unit(String code) {
		return units.create(caller("admin"), new CreateUnit(units.findByCode("TS").orElseThrow().id(), code + RUN,
				"Đoàn thử " + code + RUN, "Đoàn cơ sở", UnitKind.OTHER, 10));
	}

	private long count(String table, long unitId) {
		return jdbc.sql("select count(*) from " + table + " where unit_id = :u").param("u", unitId).query(Long.class).single();
	}

	@Test
	void theMenuLeadsToTheHubAndTheLists() {
		assertThat(mvc.get().uri("/").with(as("tran.thi.binh"))).bodyText().contains("href=\"/programme\"");
		assertThat(mvc.get().uri("/programme").with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("href=\"/startups\"", "href=\"/ip\"", "href=\"/clubs\"");
		for (String list : new String[] { "/startups", "/clubs", "/ip" }) {
			assertThat(mvc.get().uri(list).with(as(OFFICE))).hasStatusOk().bodyText().contains(list + "/new");
			assertThat(mvc.get().uri(list).with(as("tran.thi.binh"))).hasStatusOk().bodyText().doesNotContain(list + "/new");
			assertThat(mvc.get().uri(list + "/export.xlsx").with(as(OFFICE))).hasStatusOk()
				.hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		}
		assertThat(mvc.get().uri("/startups/new").with(as("tran.thi.binh"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aClubWithoutHostOrWithBadDatesIsRefusedWith422AndNothingSaved() {
		UnitView unit = unit("PWC");
		assertThat(mvc.post().uri("/clubs").with(as(OFFICE)).with(csrf()).param("name", "CLB Sáng tạo trẻ " + RUN)
			.param("kind", "YOUNG_CREATORS").param("foundedOn", "1900-01-01").param("unitId", String.valueOf(unit.id())))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Ngày không hợp lệ");
		assertThat(mvc.post().uri("/clubs").with(as(OFFICE)).with(csrf()).param("name", "CLB Sáng tạo trẻ " + RUN)
			.param("kind", "YOUNG_CREATORS").param("foundedOn", Year.now() + "-01-15"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Hãy chọn đơn vị chủ quản");
		assertThat(count("programme_club", unit.id())).isZero();
		var created = mvc.post().uri("/clubs").with(as(OFFICE)).with(csrf()).param("name", "CLB Sáng tạo trẻ " + RUN)
			.param("kind", "YOUNG_CREATORS").param("foundedOn", Year.now() + "-01-15").param("unitId", String.valueOf(unit.id()))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(mvc.post().uri(location + "/activities").with(as(OFFICE)).with(csrf()).param("heldOn", Year.now() + "-02-01")
			.param("title", "Sinh hoạt chuyên đề").param("attendance", "-3")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.post().uri(location + "/activities").with(as(OFFICE)).with(csrf()).param("heldOn", Year.now() + "-02-01")
			.param("title", "Sinh hoạt chuyên đề").param("attendance", "25")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(location).with(as(OFFICE))).hasStatusOk().bodyText().contains("Sinh hoạt chuyên đề", "25");
		assertThat(mvc.get().uri(location).with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void startupSupportAndIpPagesWork() {
		UnitView unit = unit("PWS");
		var created = mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Rau sạch " + RUN).param("field", "Trồng rau").param("agriculture", "true").param("stage", "IDEA")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String startup = created.getResponse().getRedirectedUrl();
		assertThat(mvc.post().uri(startup + "/supports").with(as(OFFICE)).with(csrf()).param("kind", "LOAN").param("amount", "-5")
			.param("givenOn", Year.now() + "-03-01")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Số tiền hỗ trợ không được là số âm");
		assertThat(mvc.post().uri(startup + "/supports").with(as(OFFICE)).with(csrf()).param("kind", "LOAN")
			.param("amount", "30000000").param("givenOn", Year.now() + "-03-01").param("partner", "Ngân hàng"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(startup).with(as(OFFICE))).hasStatusOk().bodyText().contains("Vốn vay", "30.000.000");

		assertThat(mvc.post().uri("/ip").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("type", "PATENT").param("title", "Máy gieo hạt " + RUN).param("applicant", "Lê Văn Cường")
			.param("status", "FILED").param("applicationNo", "4-2024-12345").param("filedOn", "2024-05-01"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("1-2024-01234");
		assertThat(count("programme_ip", unit.id())).isZero();
		var ip = mvc.post().uri("/ip").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("type", "PATENT").param("title", "Máy gieo hạt " + RUN).param("applicant", "Lê Văn Cường")
			.param("status", "FILED").param("applicationNo", "1-2024-12345").param("filedOn", "2024-05-01").exchange();
		assertThat(ip).hasStatus(HttpStatus.FOUND);
		String ipUrl = ip.getResponse().getRedirectedUrl();
		assertThat(mvc.post().uri(ipUrl + "/status").with(as(OFFICE)).with(csrf()).param("to", "GRANTED").param("version", "0"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.post().uri(ipUrl + "/status").with(as(OFFICE)).with(csrf()).param("to", "FORMAL_EXAM").param("version", "0"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(ipUrl + "/deadlines").with(as(OFFICE)).with(csrf()).param("label", "Nộp phí thẩm định")
			.param("dueOn", Year.now() + "-12-20")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(ipUrl).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Thẩm định hình thức", "Nộp phí thẩm định", "Đã nộp đơn");
		assertThat(mvc.get().uri("/api/v1/ip-registrations?unit=" + unit.id()).with(as(OFFICE))).hasStatusOk().bodyJson()
			.extractingPath("$.totalItems").isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/startups?unit=" + unit.id()).with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

		private String name(String table, String location) {
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		return jdbc.sql("select name from " + table + " where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void startupsAndClubsAreEditedWithTheSameRulesAndAStaleFormIsRefusedWith409() {
		UnitView unit = unit("PWE");
		String startup = mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Gạo hữu cơ " + RUN).param("field", "Trồng lúa").param("stage", "IDEA").exchange().getResponse()
			.getRedirectedUrl();
		assertThat(mvc.get().uri(startup).with(as(OFFICE))).bodyText().contains(startup + "/edit");
		assertThat(mvc.get().uri(startup).with(as("tran.thi.binh"))).bodyText().doesNotContain(startup + "/edit");
		var form = mvc.get().uri(startup + "/edit").with(as(OFFICE)).exchange();
		assertThat(form).hasStatusOk();
		Document page = Jsoup.parse(body(form));
		assertThat(page.select("#name").val()).isEqualTo("Gạo hữu cơ " + RUN);
		assertThat(page.select("#field").val()).isEqualTo("Trồng lúa");
		assertThat(page.select("input[name=version]").val()).isEqualTo("0");
		assertThat(mvc.get().uri(startup + "/edit").with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);

		// the same validation as creating: a blank name and negative jobs are refused, nothing changes
		assertThat(mvc.post().uri(startup + "/edit").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", " ").param("field", "Trồng lúa").param("stage", "OPERATING").param("version", "0"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.post().uri(startup + "/edit").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Gạo").param("field", "Trồng lúa").param("stage", "OPERATING").param("jobsCreated", "-2")
			.param("version", "0")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(name("programme_startup", startup)).isEqualTo("Gạo hữu cơ " + RUN);

		assertThat(mvc.post().uri(startup + "/edit").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Gạo hữu cơ Thọ Xuân " + RUN).param("field", "Trồng lúa").param("stage", "OPERATING")
			.param("version", "0")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl(startup);
		assertThat(mvc.get().uri(startup).with(as(OFFICE))).bodyText().contains("Gạo hữu cơ Thọ Xuân " + RUN, "Đang kinh doanh");
		// a second form opened on version 0 comes too late
		assertThat(mvc.post().uri(startup + "/edit").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Gạo cũ").param("field", "Trồng lúa").param("stage", "IDEA").param("version", "0"))
			.hasStatus(HttpStatus.CONFLICT).bodyText().contains("Dữ liệu vừa được người khác thay đổi", "Gạo c");
		assertThat(name("programme_startup", startup)).isEqualTo("Gạo hữu cơ Thọ Xuân " + RUN);

		String club = mvc.post().uri("/clubs").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "CLB Em yêu khoa học " + RUN).param("kind", "SCIENCE_LOVERS").param("foundedOn", Year.now() + "-01-15")
			.exchange().getResponse().getRedirectedUrl();
		assertThat(Jsoup.parse(body(mvc.get().uri(club + "/edit").with(as(OFFICE)).exchange())).select("#name").val())
			.isEqualTo("CLB Em yêu khoa học " + RUN);
		assertThat(mvc.post().uri(club + "/edit").with(as(OFFICE)).with(csrf()).param("name", "CLB").param("kind", "SCIENCE_LOVERS")
			.param("foundedOn", "1900-01-01").param("version", "0")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Ngày không hợp lệ");
		assertThat(mvc.post().uri(club + "/edit").with(as(OFFICE)).with(csrf()).param("name", "CLB Sáng tạo " + RUN)
			.param("kind", "YOUNG_CREATORS").param("foundedOn", Year.now() + "-01-15").param("_active", "on")
			.param("version", "0")).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select active from programme_club where name = :n").param("n", "CLB Sáng tạo " + RUN)
			.query(Boolean.class).single()).as("an unchecked box closes the club").isFalse();
		assertThat(mvc.post().uri(club + "/edit").with(as(OFFICE)).with(csrf()).param("name", "CLB cũ").param("kind", "OTHER")
			.param("foundedOn", Year.now() + "-01-15").param("active", "true").param("version", "0"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(name("programme_club", club)).isEqualTo("CLB Sáng tạo " + RUN);
	}

	/**
	 * A startup's related ideas: by id or by the code people see, only ideas that exist, that the caller may read and
	 * that belong to the startup's unit or one below it; anything else is a field error and nothing is saved.
	 */
	@Test
	void relatedIdeasMustBeReadableIdeasOfTheStartupsSubtree() {
		UnitView unit = unit("PWR");
		var office = caller(OFFICE);
		var own = ideas.create(office, vn.ideabank.idea.IdeaTestDataAccess.save(unit.id(), "Ý tưởng của dự án " + RUN));
		var elsewhere = ideas.create(caller("doan.thotan"), vn.ideabank.idea.IdeaTestDataAccess.save(
				units.findByCode("TS-THOTAN").orElseThrow().id(), "Ý tưởng của xã khác " + RUN));
		// the office reads the other commune's idea, but it is not of the startup's subtree
		for (String refused : new String[] { String.valueOf(elsewhere.id()), elsewhere.code() }) {
			assertThat(mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
				.param("name", "Dự án liên kết " + RUN).param("field", "Nông nghiệp").param("stage", "IDEA")
				.param("ideaIds", own.id() + ", " + refused)).as(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyText().contains("Ý tưởng " + elsewhere.code() + " không thuộc đơn vị này");
		}
		for (String refused : new String[] { "999999999", "TS-1999-999999" }) {
			assertThat(mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
				.param("name", "Dự án liên kết " + RUN).param("field", "Nông nghiệp").param("stage", "IDEA")
				.param("ideaIds", own.id() + ", " + refused)).as(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyText().contains("Không tìm thấy ý tưởng có mã “" + refused + "”");
		}
		// a member of another commune cannot even learn that the idea exists
		var startupOfThoDan = mvc.post().uri("/startups").with(as("doan.thodan")).with(csrf())
			.param("unitId", String.valueOf(units.findByCode("TS-THODAN").orElseThrow().id())).param("name", "Dự án " + RUN)
			.param("field", "Nông nghiệp").param("stage", "IDEA").param("ideaIds", elsewhere.code()).exchange();
		if (startupOfThoDan.getResponse().getStatus() != 403) {
			assertThat(startupOfThoDan).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
				.contains("Không tìm thấy ý tưởng có mã “" + elsewhere.code() + "”");
		}
		assertThat(count("programme_startup", unit.id())).isZero();

		var created = mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(unit.id()))
			.param("name", "Dự án liên kết " + RUN).param("field", "Nông nghiệp").param("stage", "IDEA")
			.param("ideaIds", own.code().toLowerCase()).exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		long startupId = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(jdbc.sql("select idea_id from programme_startup_idea where startup_id = :s").param("s", startupId)
			.query(Long.class).list()).containsExactly(own.id());
	}

	/**
	 * Values longer than their column or outside their range are refused on the form field, in Vietnamese, with a
	 * 422 and nothing saved, never a 500 from the database.
	 */
	@Test
	void overLongAndOutOfRangeValuesAreRefusedOnTheFormAndNothingIsSaved() {
		UnitView unit = unit("PWH");
		String u = String.valueOf(unit.id());
		String tooLong = "Đ".repeat(301);
		assertThat(mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", u).param("name", tooLong)
			.param("kind", "FUND").param("year", "99999")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Tối đa 300 ký tự", "Giá trị lớn nhất là 2.200");
		assertThat(mvc.post().uri("/clubs").with(as(OFFICE)).with(csrf()).param("unitId", u).param("name", "CLB " + RUN)
			.param("kind", "OTHER").param("foundedOn", Year.now() + "-01-15").param("decisionNo", "9".repeat(101))
			.param("memberCount", "99999999999")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Độ dài phải từ 0 đến 100 ký tự", "Hãy nhập một số nguyên");
		assertThat(mvc.post().uri("/startups").with(as(OFFICE)).with(csrf()).param("unitId", u).param("name", "Dự án " + RUN)
			.param("field", "x".repeat(201)).param("stage", "IDEA").param("jobsCreated", "-1"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Độ dài phải từ 0 đến 200 ký tự", "Không được là số âm");
		assertThat(mvc.post().uri("/ip").with(as(OFFICE)).with(csrf()).param("unitId", u).param("type", "PATENT")
			.param("title", "Máy " + RUN).param("applicant", "Lê Văn A").param("applicationNo", "1".repeat(21))
			.param("status", "PREPARING")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Độ dài phải từ 0 đến 20 ký tự");
		assertThat(count("programme_fund", unit.id()) + count("programme_club", unit.id()) + count("programme_startup", unit.id())
				+ count("programme_ip", unit.id())).isZero();
		String fund = mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", u).param("name", "Quỹ " + RUN)
			.param("kind", "FUND").param("year", String.valueOf(Year.now().getValue())).exchange().getResponse()
			.getRedirectedUrl();
		assertThat(mvc.post().uri(fund + "/awards").with(as(OFFICE)).with(csrf()).param("recipientName", "Nguyễn Văn B")
			.param("amount", "1234567890123456").param("awardedOn", Year.now() + "-03-01").param("decisionNo", "12/QĐ"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Số tiền phải là số đồng nguyên, tối đa 15 chữ số");
		assertThat(mvc.post().uri(fund + "/awards").with(as(OFFICE)).with(csrf()).param("recipientName", "Nguyễn Văn B")
			.param("amount", "-1").param("awardedOn", Year.now() + "-03-01").param("decisionNo", "12/QĐ"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Số tiền trao không được là số âm");
	}
}
