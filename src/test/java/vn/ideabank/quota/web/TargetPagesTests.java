package vn.ideabank.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetService;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.TargetView;

/** The plan, allocation and dashboard pages, the dashboard API and the .xlsx exports through MockMvc. */
class TargetPagesTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Autowired
	UnitService units;

	@Autowired
	TargetService targets;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	private UnitView unit(Long parent, String code, String name, int members) {
		return units.create(caller("admin"), new CreateUnit(parent, code, name, "Đoàn cơ sở", UnitKind.OTHER, members));
	}

	private static List<List<String>> cells(MvcTestResult result) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (Row r : wb.getSheetAt(0)) {
				List<String> row = new ArrayList<>();
				for (Cell c : r) {
					row.add(c.getCellType() == CellType.NUMERIC ? Long.toString((long) c.getNumericCellValue()) : c.getStringCellValue());
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@Test
	void theOfficeCreatesAPlanAllocatesByMembersAndSeesTheDashboardWithChartsTablesAndExports() throws Exception {
		UnitView root = unit(units.findByCode("TS").orElseThrow().id(), "TPG" + RUN, "Đoàn khối thử " + RUN, 30);
		UnitView a = unit(root.id(), "TPG" + RUN + "-A", "Chi đoàn Hợp tác xã Đồng Thắng", 20);
		unit(root.id(), "TPG" + RUN + "-B", "Chi đoàn Trường THCS Thọ Ngọc", 10);
		int year = Year.now().getValue();
		String id = Long.toString(root.id());

		assertThat(mvc.get().uri("/targets/plan").queryParam("unitId", id).queryParam("year", "" + year).with(as("huyendoan.trieuson")))
			.hasStatusOk().bodyText().contains("Lập kế hoạch năm");
		assertThat(mvc.post().uri("/targets/plan").param("unitId", id).param("year", "" + year).with(as("huyendoan.trieuson"))
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		// a second time is refused with a message, nothing doubled
		assertThat(mvc.post().uri("/targets/plan").param("unitId", id).param("year", "" + year).with(as("huyendoan.trieuson"))
			.with(csrf())).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Đơn vị đã có kế hoạch năm " + year);
		PlanView plan = targets.planOf(caller("huyendoan.trieuson"), root.id(), year).orElseThrow();
		TargetView ideasTarget = plan.targets().stream().filter(t -> t.kind() == TargetKind.IDEAS_PROPOSED).findFirst().orElseThrow();
		assertThat(mvc.get().uri("/targets/plan").queryParam("unitId", id).queryParam("year", "" + year).with(as("huyendoan.trieuson")))
			.hasStatusOk().bodyText().contains("Ý tưởng đề xuất", "1610", "Phân bổ", "Thêm chỉ tiêu khác");

		String split = "/targets/" + ideasTarget.id() + "/split";
		// not a number, a negative number: field messages, 422, nothing saved
		assertThat(mvc.post().uri(split).param("unitId", id).param("version", "" + ideasTarget.version())
			.param("amount." + a.id(), "nhiều").with(as("huyendoan.trieuson")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("nhiều&quot; không phải là số nguyên");
		assertThat(mvc.post().uri(split).param("unitId", id).param("version", "" + ideasTarget.version())
			.param("amount." + a.id(), "-3").with(as("huyendoan.trieuson")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("phải là số nguyên từ 0 đến 10.000.000");
		assertThat(jdbc.sql("select count(*) from target_allocation where target_id = ?").param(ideasTarget.id()).query(Long.class)
			.single()).isZero();
		// another unit's officer can't see the split, nor allocate
		assertThat(mvc.get().uri(split).queryParam("unitId", id).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(split + "/by-members").param("unitId", id).param("version", "" + ideasTarget.version())
			.with(as("doan.thotan")).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post().uri(split + "/by-members").param("unitId", id).param("version", "" + ideasTarget.version())
			.with(as("huyendoan.trieuson")).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(split).queryParam("unitId", id).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Khớp chỉ tiêu", "1073", "537", "Phân bổ theo số đoàn viên", "Văn phòng Huyện đoàn Triệu Sơn");
		// a stale version is a conflict
		assertThat(mvc.post().uri(split).param("unitId", id).param("version", "" + ideasTarget.version())
			.param("amount." + a.id(), "5").with(as("huyendoan.trieuson")).with(csrf())).hasStatus(HttpStatus.CONFLICT);

		IdeaContent content = new IdeaContent(year, IdeaKind.MODEL, "Mô hình “Cánh đồng mẫu lớn” của thanh niên " + RUN, "Tóm tắt",
				"Vấn đề", "Giải pháp", "Điểm mới", java.util.Set.of(), null, "Xã Thọ Ngọc", "Quanh năm", "Có đất", null,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
		long ideaId = ideas.create(caller("admin"), new SaveIdea(a.id(), content, List.of(new AuthorRef(null, "Lê Thị Hằng")))).id();
		jdbc.sql("update idea set status = 'SUBMITTED', submitted_at = now() where id = ?").param(ideaId).update();

		assertThat(mvc.get().uri("/dashboard").queryParam("unitId", id).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Tiến độ: Đoàn khối thử", "data-chart=\"bar\"", "data-table=\"table-children\"", "id=\"table-months\"",
					"Chi đoàn Hợp tác xã Đồng Thắng", "chưa theo dõi", "Công thức: Điểm = 40", "/js/target.js",
					"chart.umd.min.js", "/dashboard/export.xlsx?unitId=" + id)
			.doesNotContain("<script>");
		assertThat(mvc.get().uri("/dashboard").queryParam("unitId", id).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/dashboard").with(as("doan.thodan"))).hasStatusOk().bodyText().contains("Thọ Dân");

		assertThat(mvc.get().uri("/api/v1/dashboard").queryParam("unitId", id).with(as("huyendoan.trieuson"))).hasStatusOk()
			.bodyJson().extractingPath("$.progress.lines[0].actual").isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/dashboard").queryParam("unitId", id).with(as("doan.thotan")))
			.hasStatus(HttpStatus.FORBIDDEN);

		MvcTestResult children = mvc.get().uri("/dashboard/export.xlsx").queryParam("unitId", id).queryParam("table", "children")
			.with(as("huyendoan.trieuson")).exchange();
		assertThat(children).hasStatusOk();
		List<List<String>> rows = cells(children);
		assertThat(rows.get(0)).contains("Đơn vị", "Chỉ tiêu được giao", "Cần đạt đến hôm nay", "Đã đạt");
		assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Chi đoàn Hợp tác xã Đồng Thắng", "1073"));
		MvcTestResult targetsXlsx = mvc.get().uri("/dashboard/export.xlsx").queryParam("unitId", id).queryParam("table", "targets")
			.with(as("huyendoan.trieuson")).exchange();
		assertThat(cells(targetsXlsx)).anySatisfy(r -> assertThat(r).startsWith("Ý tưởng đề xuất", "ý tưởng", "1610"))
			// startups are counted by the programme module, contests by the contest module
			.anySatisfy(r -> assertThat(r).contains("Dự án khởi nghiệp nông nghiệp được hỗ trợ").doesNotContain("chưa theo dõi"))
			.anySatisfy(r -> assertThat(r).contains("Cuộc thi khoa học, công nghệ được tổ chức").doesNotContain("chưa theo dõi"));
		assertThat(cells(targetsXlsx).stream().flatMap(List::stream))
			.allSatisfy(text -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue());
		assertThat(mvc.get().uri("/dashboard/export.xlsx").queryParam("unitId", id).queryParam("table", "criterion")
			.with(as("huyendoan.trieuson")).exchange()).hasStatusOk();

		// the idea list export keeps the filters and the scope, and its Vietnamese text
		MvcTestResult list = mvc.get().uri("/ideas/export.xlsx").queryParam("unit", Long.toString(root.id()))
			.with(as("huyendoan.trieuson")).exchange();
		assertThat(list).hasStatusOk();
		List<List<String>> ideaRows = cells(list);
		assertThat(ideaRows.get(0)).startsWith("Mã ý tưởng", "Tên ý tưởng", "Đơn vị");
		assertThat(ideaRows).hasSize(2);
		assertThat(ideaRows.get(1)).contains("Mô hình “Cánh đồng mẫu lớn” của thanh niên " + RUN, "Chi đoàn Hợp tác xã Đồng Thắng",
				"Lê Thị Hằng", "Đã gửi");
		assertThat(mvc.get().uri("/ideas/export.xlsx").queryParam("unit", Long.toString(root.id())).with(as("doan.thotan")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/ideas/export.xlsx").queryParam("unitId", Long.toString(root.id()))
			.with(as("huyendoan.trieuson")).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/ideas").with(as("huyendoan.trieuson"))).bodyText().contains("/ideas/export.xlsx");
		assertThat(mvc.get().uri("/").with(as("nguyen.van.an"))).bodyText().contains("href=\"/dashboard\"");
	}

	@Test
	void aCommuneOfficerOpensThePlanPageAndSplitsItsOwnShareAmongItsBranches() throws Exception {
		// a year other tests hardly use; the district's plan is made through the page unless a run made it already
		int year = 2050 + Math.floorMod(RUN.hashCode(), 50);
		UnitView district = units.findByCode("TS").orElseThrow();
		UnitView thoDan = units.findByCode("TS-THODAN").orElseThrow();
		if (targets.planOf(caller("huyendoan.trieuson"), district.id(), year).isEmpty()) {
			assertThat(mvc.post().uri("/targets/plan").param("unitId", "" + district.id()).param("year", "" + year)
				.with(as("huyendoan.trieuson")).with(csrf())).hasStatus(HttpStatus.FOUND);
		}
		PlanView plan = targets.planOf(caller("huyendoan.trieuson"), district.id(), year).orElseThrow();
		TargetView ideasTarget = plan.targets().stream().filter(t -> t.kind() == TargetKind.IDEAS_PROPOSED).findFirst().orElseThrow();
		String split = "/targets/" + ideasTarget.id() + "/split";
		assertThat(mvc.post().uri(split + "/by-members").param("unitId", "" + district.id())
			.param("version", "" + ideasTarget.version()).with(as("huyendoan.trieuson")).with(csrf())).hasStatus(HttpStatus.FOUND);

		assertThat(mvc.get().uri("/targets/plan").queryParam("year", "" + year).with(as("doan.thodan"))).hasStatusOk()
			.bodyText().contains("Đoàn xã Thọ Dân", split + "?unitId=" + thoDan.id());
		assertThat(mvc.get().uri(split).queryParam("unitId", "" + thoDan.id()).with(as("doan.thodan"))).hasStatusOk()
			.bodyText().contains("Thọ Dân");
		var mine = targets.split(caller("doan.thodan"), ideasTarget.id(), thoDan.id());
		assertThat(mine.share()).isPositive();
		var post = mvc.post().uri(split).param("unitId", "" + thoDan.id()).param("version", "" + mine.target().version());
		for (int i = 0; i < mine.parts().size(); i++) {
			post = post.param("amount." + mine.parts().get(i).unitId(), i == 0 ? "" + mine.share() : "0");
		}
		assertThat(post.with(as("doan.thodan")).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select amount from target_allocation where target_id = ? and unit_id = ?").param(ideasTarget.id())
			.param(mine.parts().get(0).unitId()).query(Long.class).single()).isEqualTo(mine.share());
		// the district's own split stays the office's
		assertThat(mvc.post().uri(split + "/by-members").param("unitId", "" + district.id())
			.param("version", "" + (mine.target().version() + 1)).with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}
}
