package vn.ideabank.contest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.org.UnitView;

/** The nomination form takes the code shown on an idea (a picker), and says by the field when it names none. */
class NominationByCodePagesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	@Autowired
	ApplicationContext context;

	private long nominations(long contestId) {
		return new RoundTestData(context, this::caller).jdbc.sql("select count(*) from contest_nomination where contest_id = :c")
			.param("c", contestId).query(Long.class).single();
	}

	@Test
	void anIdeaIsNominatedByItsCodeInLowerCaseAndAnUnknownCodeIsRefusedOnTheFieldWithNothingSaved() {
		RoundTestData data = new RoundTestData(context, this::caller);
		Caller admin = caller("admin");
		UnitView unit = data.unit(data.units.findByCode("TS").orElseThrow().id(), "NC" + RUN, "Chi đoàn Đề cử " + RUN, "Chi đoàn");
		long ideaId = data.acceptedIdea(unit.id(), "Vườn ươm giống " + RUN, "Lê Thị Hoa");
		String code = data.jdbc.sql("select code from idea where id = :id").param("id", ideaId).query(String.class).single();
		ContestView c = data.contests.create(admin, new CreateContest(unit.id(), ContestKind.OTHER, "Hội thi đề cử " + RUN,
				RoundTestData.TODAY.getYear(), Set.of(), null, null, Set.of(), RoundTestData.TODAY.minusDays(1),
				RoundTestData.TODAY.plusDays(1), 3));
		data.contests.advance(admin, c.id(), c.version());

		assertThat(mvc.get().uri("/contests/" + c.id()).with(as("admin"))).hasStatusOk().bodyText()
			.contains("list=\"ideaId-options\"", "hx-get=\"/ideas/pick\"");

		assertThat(mvc.post().uri("/contests/" + c.id() + "/nominations").with(as("admin")).with(csrf())
			.param("ideaId", "TS-1999-999999")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("id=\"ideaId-error\"", "Không tìm thấy ý tưởng có mã “TS-1999-999999” trong phạm vi của bạn");
		assertThat(nominations(c.id())).isZero();

		assertThat(mvc.post().uri("/contests/" + c.id() + "/nominations").with(as("admin")).with(csrf())
			.param("ideaId", " " + code.toLowerCase() + " ")).hasStatus3xxRedirection();
		assertThat(nominations(c.id())).isOne();
	}
}
