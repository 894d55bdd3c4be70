package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;

/** The rubric editor's pages: a bad rubric comes back with its Vietnamese message and nothing saved; a good one saves. */
class RubricPagesTests extends IntegrationTest {

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficeWritesARubricOnThePhoneFriendlyForm() {
		long ts = units.findByCode("TS").orElseThrow().id();
		String name = "Tiêu chí trang " + UUID.randomUUID();
		assertThat(mvc.get().uri("/reviews/rubrics/new").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Viết bộ tiêu chí mới", "Trọng số (%)", "Tiêu chí 3");
		var bad = mvc.post().uri("/reviews/rubrics").param("unitId", String.valueOf(ts)).param("name", name)
			.param("criteria[0].name", "Tính mới").param("criteria[0].weight", "60").param("criteria[0].min", "0")
			.param("criteria[0].max", "10").param("criteria[1].name", "Hiệu quả").param("criteria[1].weight", "30")
			.param("criteria[1].min", "0").param("criteria[1].max", "10").param("criteria[2].weight", "")
			.with(as("huyendoan.trieuson")).with(csrf());
		assertThat(bad).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Tổng trọng số các tiêu chí phải bằng 100 (hiện là 90)").contains("Hiệu quả");
		assertThat(jdbc.sql("select count(*) from review_rubric where name = :n").param("n", name).query(Long.class).single())
			.isZero();
		var scale = mvc.post().uri("/reviews/rubrics").param("unitId", String.valueOf(ts)).param("name", name)
			.param("criteria[0].name", "Tính mới").param("criteria[0].weight", "100").param("criteria[0].min", "10")
			.param("criteria[0].max", "5").with(as("huyendoan.trieuson")).with(csrf());
		assertThat(scale).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText().contains("điểm tối đa (5) phải lớn hơn điểm tối thiểu (10)");
		var good = mvc.post().uri("/reviews/rubrics").param("unitId", String.valueOf(ts)).param("name", name)
			.param("criteria[0].name", "Tính mới").param("criteria[0].weight", "60").param("criteria[0].min", "0")
			.param("criteria[0].max", "10").param("criteria[1].name", "Hiệu quả").param("criteria[1].weight", "40")
			.param("criteria[1].min", "0").param("criteria[1].max", "10").with(as("huyendoan.trieuson")).with(csrf());
		assertThat(good).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/reviews/rubrics").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText().contains(name);
		// a member sees no write button and cannot open the form
		assertThat(mvc.get().uri("/reviews/rubrics/new").with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/rubrics").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText().contains(name);
	}
}
