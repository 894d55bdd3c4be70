package vn.ideabank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeDocuments;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.Reach;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.RubricService;

/**
 * A recognised initiative whose new content is confidential: every GET route of the initiative pages and API (each
 * paper of each kind), the idea's page and API, search and the public pages, called by people outside the council
 * (the unit's officer, the district office, another member), never carry its marker; the authors and the council do
 * read it. Also the API's refusals: shares not summing to 100, an idea the caller cannot edit.
 */
class InitiativeConfidentialityTests extends IntegrationTest {

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	IdeaService ideas;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewScoring scoring;

	@Autowired
	RubricService rubrics;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void nothingAPersonOutsideTheCouncilCanReachCarriesTheConfidentialText() {
		Caller office = caller("huyendoan.trieuson");
		Caller an = caller("nguyen.van.an");
		Caller thodan = caller("doan.thodan");
		long ts = units.findByCode("TS").orElseThrow().id();
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, an, thodan, t1, ReviewTestData.unique("Bơm nước năng lượng mặt trời "));
		String secret = ReviewTestData.unique("BIMAT");
		ApplicationView a = applications.file(an, InitiativeTestWorld.application(idea.id(), secret, new BigDecimal("55.5"),
				new BigDecimal("44.5")));
		a = procedure.register(office, a.id(), new Register(null, null, a.version()));
		CouncilView council = InitiativeTestWorld.council(reviews, rubrics, office, ts);
		a = procedure.sendToCouncil(office, a.id(), new SendToCouncil(council.id(), a.version()));
		InitiativeTestWorld.scoreAndVote(reviews, scoring, office, caller("tran.thi.binh"), council.id(), idea.id(), Decision.ACCEPT);
		a = procedure.decide(office, a.id(), new Decide(true, Reach.BASE, "7/QĐ-ĐTN", null, null, "Bí thư", a.version()));

		List<String> uris = new ArrayList<>();
		var routes = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter(p -> p.startsWith("/initiatives") || p.startsWith("/api/v1/initiatives"))
					.forEach(routes::add);
			}
		});
		assertThat(routes).as("the initiative routes").hasSizeGreaterThanOrEqualTo(12);
		for (String route : routes) {
			String uri = route.replace("{id}", String.valueOf(a.id()));
			if (uri.contains("/document.")) {
				for (var kind : InitiativeDocuments.Kind.values()) {
					uris.add(uri + "?kind=" + kind + "&author=1");
					uris.add(uri + "?kind=" + kind + "&author=2");
				}
			}
			else {
				uris.add(uri);
			}
		}
		// search by the idea's own words and by the confidential part's words (not by the marker: a page echoes its query)
		uris.addAll(List.of("/ideas/" + idea.id(), "/api/v1/ideas/" + idea.id(), "/search?q=Bơm nước năng lượng",
				"/search?q=điều khiển cảm biến độ ẩm", "/public/ideas/" + idea.code(), "/ideas?q=Bơm nước", "/ideas/export.xlsx", "/"));

		int answered = 0;
		for (String person : List.of("doan.thodan", "huyendoan.trieuson", "doan.thotan")) {
			for (String uri : uris) {
				var result = mvc.get().uri(uri).with(as(person)).exchange();
				if (result.getResponse().getStatus() < 300) {
					answered++;
				}
				assertThat(RouteScopeTests.text(result.getMvcResult())).as(person + " " + uri).doesNotContain(secret);
			}
		}
		assertThat(answered).as("pages and papers that answered").isGreaterThan(20);
		assertThat(mvc.get().uri("/api/v1/initiatives/" + a.id() + "/confidential").with(as("doan.thodan")))
			.hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("chỉ tác giả và thành viên hội đồng");

		// the authors and the council read it
		assertThat(mvc.get().uri("/initiatives/" + a.id()).with(as("nguyen.van.an"))).hasStatusOk().bodyText().contains(secret);
		assertThat(mvc.get().uri("/api/v1/initiatives/" + a.id() + "/confidential").with(as("tran.thi.binh"))).hasStatusOk()
			.bodyText().contains(secret);
	}

	@Test
	void theApiRefusesSharesNotSummingTo100AndIdeasTheCallerCannotEditWithoutSavingAnything() {
		Caller an = caller("nguyen.van.an");
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, an, caller("doan.thodan"), t1, ReviewTestData.unique("Lò đốt rác "));
		long before = jdbc.sql("select count(*) from initiative_application").query(Long.class).single();
		String body = """
				{"ideaId": %d, "fieldOfUse": "Môi trường", "knownSolution": "Đốt lộ thiên", "newContent": "Lò hai buồng",
				 "applicability": "Mọi thôn", "benefits": "Giảm khói", "confidential": ["NEW_CONTENT"],
				 "authors": [{"fullName": "Nguyễn Văn An", "contribution": %s}, {"fullName": "Lê Thị Hường", "contribution": 30}]}""";
		assertThat(mvc.post().uri("/api/v1/initiatives").with(as("nguyen.van.an")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(idea.id(), "60"))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)");
		assertThat(mvc.post().uri("/api/v1/initiatives").with(as("tran.thi.binh")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(idea.id(), "70"))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("không thể nộp đơn");
		assertThat(jdbc.sql("select count(*) from initiative_application").query(Long.class).single()).isEqualTo(before);
		assertThat(mvc.post().uri("/api/v1/initiatives").with(as("nguyen.van.an")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(idea.id(), "70"))).hasStatus(HttpStatus.CREATED);
	}
}
