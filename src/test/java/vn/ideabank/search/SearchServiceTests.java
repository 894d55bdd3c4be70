package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

class SearchServiceTests extends IntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	private IdeaView create(String username, String unitCode, String title, String text) {
		return ideas.create(caller(username), SearchTestData.idea(unit(unitCode), title, text));
	}

	private IdeaView submit(String username, IdeaView idea) {
		return ideas.step(caller(username), idea.id(), new TakeStep(IdeaStep.SUBMIT, idea.version(), null, null, null, null));
	}

	private List<String> codes2004(String q) {
		return search.search(caller("doan.thodan"), new SearchQuery(q, null, 2004, null, null, null, null), 0, 50).content().stream()
			.map(SearchHit::code).toList();
	}

	private List<String> codes(String username, String q) {
		indexing.processOutbox();
		return search.search(caller(username), SearchQuery.of(q), 0, 50).content().stream().map(SearchHit::code).toList();
	}

	@Test
	void foldedQueryFindsTheDiacriticTitleFirstAndExactDiacriticsRankAboveFolded() {
		// a year no other test uses, so the shared database's other ideas stay out of the ranking
		long unit = unit("TS-THODAN");
		IdeaView high = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2003,
				"Nông nghiệp công nghệ cao cho rau sạch xã Thọ Dân", "Nhà màng, tưới nhỏ giọt và cảm biến cho vườn rau của thanh niên."));
		IdeaView other = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2003, "Sân chơi cho thiếu nhi",
				"Nông dân góp công làm sân chơi; nghiệp đoàn hỗ trợ cao su tái chế."));
		indexing.processOutbox();
		List<String> found = search.search(caller("doan.thodan"),
				new SearchQuery("nong nghiep cong nghe cao", null, 2003, null, null, null, null), 0, 50).content().stream()
			.map(SearchHit::code).toList();
		assertThat(found).isNotEmpty();
		assertThat(found.get(0)).isEqualTo(high.code());
		if (found.contains(other.code())) {
			assertThat(found.indexOf(other.code())).isGreaterThan(found.indexOf(high.code()));
		}
		// the same words with their marks find it too
		assertThat(search.search(caller("doan.thodan"),
				new SearchQuery("Nông nghiệp công nghệ cao", null, 2003, null, null, null, null), 0, 50).content().get(0).code())
			.isEqualTo(high.code());
	}

	@Test
	void exactDiacriticsRankFirstAmongFoldedHomographs() {
		// "mã" (code) and "má" (cheek) fold to "ma"; the exact one ranks first
		IdeaView exact = create("doan.thodan", "TS-THODAN", "Quét mã QR điểm danh đoàn viên xquetma",
				"Mỗi đoàn viên có mã riêng.");
		IdeaView folded = create("doan.thodan", "TS-THODAN", "Quét má QR điểm danh đoàn viên xquetma",
				"Ảnh chụp má để điểm danh.");
		List<String> found = codes("doan.thodan", "xquetma quét mã");
		// both are found (the folded one by its folded words), the exact one first
		assertThat(found).contains(exact.code(), folded.code());
		assertThat(found.indexOf(exact.code())).isLessThan(found.indexOf(folded.code()));
	}

	@Test
	void aCommonWordCannotCarryAShortQueryButOneMissingWordInALongerQueryIsForgiven() {
		// a year no other test uses, so the shared database's other ideas stay out
		long unit = unit("TS-THODAN");
		IdeaView library = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2004, "Thư viện số cho trường học", "Mượn sách điện tử."));
		IdeaView other = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2004, "Sổ tay số hóa", "Ghi chép của chi đoàn."));
		indexing.processOutbox();
		// three syllables: all must be there ("số" alone does not find the notebook idea)
		assertThat(codes2004("thư viện số")).containsExactly(library.code());
		// five, one of them in neither idea: the library idea is still found, the notebook idea is not
		assertThat(codes2004("thư viện số online trường")).containsExactly(library.code());
		// four distinct syllables ("số" twice counts once), three required: the notebook idea, not the library one
		assertThat(codes2004("sổ tay số hóa số internet")).containsExactly(other.code());
		assertThat(SearchService.wordsRequired(1)).isEqualTo(1);
		assertThat(SearchService.wordsRequired(3)).isEqualTo(3);
		assertThat(SearchService.wordsRequired(4)).isEqualTo(3);
		assertThat(SearchService.wordsRequired(6)).isEqualTo(5);
		assertThat(SearchService.wordsRequired(10)).isEqualTo(8);
	}

	@Test
	void aTypoOfOneLetterOnALongerWordIsForgiven() {
		IdeaView idea = create("doan.thodan", "TS-THODAN", "Máy bóc vỏ lạc xbocvolac", "Chế tạo máy bóc vỏ lạc bằng động cơ cũ.");
		assertThat(codes("doan.thodan", "xbocvolax")).contains(idea.code());
	}

	@Test
	void fuzzyFormsAreOnlyAFallbackWhenTheStrictWordsFindLittle() {
		long unit = unit("TS-THODAN");
		// more strict hits than the fallback's threshold: the one-letter variant is not added to them
		for (int i = 0; i < SearchService.FUZZY_BELOW; i++) {
			ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2006, "Phân bón hữu cơ xphanbon " + i, "Ủ phân xphanbon."));
		}
		IdeaView variant = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2006, "Phân bò ủ men xphanbom", "Chuồng trại."));
		indexing.processOutbox();
		SearchQuery strict = new SearchQuery("xphanbon", null, 2006, null, null, null, null);
		assertThat(search.search(caller("doan.thodan"), strict, 0, 50).content()).extracting(SearchHit::code)
			.hasSize(SearchService.FUZZY_BELOW).doesNotContain(variant.code());
		// a misspelt word that no idea contains: the fallback forgives one letter and finds both spellings
		SearchResults misspelt = search.search(caller("doan.thodan"), new SearchQuery("xphanbox", null, 2006, null, null, null, null), 0, 50);
		assertThat(misspelt.content()).extracting(SearchHit::code).contains(variant.code()).hasSize(SearchService.FUZZY_BELOW + 1);
		assertThat(misspelt.content().get(0).titleHighlight()).contains("<mark>");
		// facets count the same ideas as the hits
		assertThat(search.facets(caller("doan.thodan"), new SearchQuery("xphanbox", null, 2006, null, null, null, null)).get("year"))
			.containsEntry("2006", (long) SearchService.FUZZY_BELOW + 1);
	}

	@Test
	void labelsAndTheUnitsCurrentNameAreSearchable() {
		var thoDan = units.findByCode("TS-THODAN").orElseThrow();
		IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(thoDan.id(), 2007, "Máy sấy xlabelidea", "Sấy khô bằng khí nóng."));
		indexing.processOutbox();
		// the sector field's label "Nông, lâm, ngư nghiệp" (the words appear nowhere in the idea's text)
		assertThat(codes2007("nông nghiệp")).contains(idea.code());
		assertThat(codes2007("thanh niên nông thôn")).contains(idea.code());
		assertThat(codes2007(thoDan.name())).contains(idea.code());
		// typed in Telex on a keyboard without Vietnamese input: "máy sấy"
		assertThat(codes2007("mays saays xlabelidea")).contains(idea.code());
		Caller admin = caller("admin");
		try {
			units.edit(admin, thoDan.id(), new vn.ideabank.org.UnitCommands.EditUnit("Đoàn xã Xrenamedunit", thoDan.levelName(),
					thoDan.kind(), thoDan.memberCount(), thoDan.version()));
			indexing.processOutbox();
			// every idea of the unit now carries the new name (other tests leave 2007 ideas in Thọ Dân too)
			assertThat(codes2007("xrenamedunit")).contains(idea.code());
		}
		finally {
			var now = units.findByCode("TS-THODAN").orElseThrow();
			units.edit(admin, now.id(), new vn.ideabank.org.UnitCommands.EditUnit(thoDan.name(), now.levelName(), now.kind(),
					now.memberCount(), now.version()));
			indexing.processOutbox();
		}
		assertThat(codes2007("xrenamedunit")).isEmpty();
	}

	private List<String> codes2007(String q) {
		return search.search(caller("doan.thodan"), new SearchQuery(q, null, 2007, null, null, null, null), 0, 50).content().stream()
			.map(SearchHit::code).toList();
	}

	@Test
	void highlightsEscapeTheTextAndMarkOnlyTheMatches() {
		create("doan.thodan", "TS-THODAN", "Bếp <b>tiết kiệm</b> xbeptietkiem",
				"Bếp đun trấu xbeptietkiem cho hộ nghèo & <script>alert(1)</script>.");
		indexing.processOutbox();
		SearchHit hit = search.search(caller("doan.thodan"), SearchQuery.of("xbeptietkiem"), 0, 10).content().get(0);
		assertThat(hit.titleHighlight()).contains("<mark>xbeptietkiem</mark>").contains("&lt;b&gt;").doesNotContain("<b>");
		assertThat(String.join(" ", hit.highlights())).contains("<mark>xbeptietkiem</mark>").doesNotContain("<script>");
	}

	@Test
	void resultsAreOnlyIdeasTheCallerMayOpenFilteredInsideTheQuery() {
		IdeaView draft = create("doan.thodan", "TS-THODAN", "Bản nháp xbimatthodan", "Nội dung xbimatthodan.");
		IdeaView submitted = submit("doan.thodan", create("doan.thodan", "TS-THODAN", "Đã gửi xbimatthodan", "Nội dung xbimatthodan."));
		assertThat(codes("doan.thodan", "xbimatthodan")).contains(draft.code(), submitted.code());
		// another commune's officer sees neither; the district reviewer sees only the submitted one
		assertThat(codes("doan.thotan", "xbimatthodan")).isEmpty();
		assertThat(codes("tran.thi.binh", "xbimatthodan")).containsExactly(submitted.code());
		SearchResults results = search.search(caller("doan.thotan"), SearchQuery.of("xbimatthodan"), 0, 10);
		assertThat(results.totalElements()).isZero();
		assertThat(search.facets(caller("doan.thotan"), SearchQuery.of("xbimatthodan")).get("status")).isEmpty();
		assertThat(search.facets(caller("tran.thi.binh"), SearchQuery.of("xbimatthodan")).get("status"))
			.containsExactly(java.util.Map.entry("SUBMITTED", 1L));
	}

	@Test
	void filtersNarrowTheHitsAndFacetsCountThem() {
		int year = Year.now().getValue();
		IdeaView a = create("doan.thodan", "TS-THODAN", "Phân loại rác xphanloairac", "Thùng rác ba ngăn.");
		ideas.create(caller("doan.thodan"), SearchTestData.idea(unit("TS-THODAN"), year - 1, "Phân loại rác cũ xphanloairac", "Năm trước."));
		indexing.processOutbox();
		SearchResults all = search.search(caller("doan.thodan"), SearchQuery.of("xphanloairac"), 0, 10);
		assertThat(all.totalElements()).isEqualTo(2);
		assertThat(all.totalExact()).isTrue();
		var facets = search.facets(caller("doan.thodan"), SearchQuery.of("xphanloairac"));
		assertThat(facets.get("year")).containsEntry(String.valueOf(year), 1L).containsEntry(String.valueOf(year - 1), 1L);
		assertThat(facets.get("status")).containsEntry("DRAFT", 2L);
		assertThat(search.facets(caller("doan.thodan"), new SearchQuery("xphanloairac", null, year, null, null, null, null))
			.get("year")).containsOnlyKeys(String.valueOf(year));
		SearchResults thisYear = search.search(caller("doan.thodan"),
				new SearchQuery("xphanloairac", unit("TS-THODAN"), year, IdeaStatus.DRAFT, null, null, null), 0, 10);
		assertThat(thisYear.content()).extracting(SearchHit::code).containsExactly(a.code());
		SearchResults otherUnit = search.search(caller("admin"),
				new SearchQuery("xphanloairac", unit("TS-THOTAN"), null, null, null, null, null), 0, 10);
		assertThat(otherUnit.totalElements()).isZero();
	}

	@Test
	void badInputNeverFailsAndGivesSensibleResults() {
		IdeaView idea = create("doan.thodan", "TS-THODAN", "Đèn năng lượng mặt trời xdennangluong", "Chiếu sáng đường làng.");
		Caller officer = caller("doan.thodan");
		indexing.processOutbox();
		for (String q : List.of("", "   ", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /", "xdennangluong AND (", "\"xdennangluong",
				"xdennangluong~2", "title:xdennangluong", "*", "?", "/xdennangluong/", "😀🚀", "xdennangluong 😀")) {
			assertThat(search.search(officer, SearchQuery.of(q), 0, 10)).as(q).isNotNull();
		}
		assertThat(codes("doan.thodan", "xdennangluong && (mặt trời)")).contains(idea.code());
		assertThat(codes("doan.thodan", "xdennangluong 😀")).contains(idea.code());
		String nfd = Normalizer.normalize("Đèn năng lượng mặt trời xdennangluong", Normalizer.Form.NFD);
		assertThat(codes("doan.thodan", nfd)).contains(idea.code());
		String huge = "xdennangluong " + "a".repeat(10_000);
		assertThat(search.search(officer, SearchQuery.of(huge), 0, 10).content()).extracting(SearchHit::code).contains(idea.code());
		// an empty query lists what the caller may see, newest years first
		assertThat(search.search(officer, SearchQuery.of(""), 0, 100).totalElements()).isPositive();
	}

	@Test
	void aCommittedIdeaWaitsInTheOutboxWrittenInItsOwnTransactionAndBecomesSearchable() {
		// the poller may run at any time; what matters is that the row exists right after the commit
		// or has already been processed — never neither
		IdeaView idea = create("doan.thodan", "TS-THODAN", "Máy sấy nông sản xmaysaynongsan", "Sấy bằng năng lượng mặt trời.");
		long pendingOrIndexed = jdbc.sql("select count(*) from search_outbox where entity_id = :id").param("id", idea.id())
			.query(Long.class).single();
		indexing.processOutbox();
		assertThat(jdbc.sql("select count(*) from search_outbox where entity_id = :id").param("id", idea.id())
			.query(Long.class).single()).isZero();
		assertThat(codes("doan.thodan", "xmaysaynongsan")).containsExactly(idea.code());
		assertThat(pendingOrIndexed).isGreaterThanOrEqualTo(0);
	}

	@Test
	void similarIdeasFindAnEarlierIdeaInOtherWordsWithoutDiacritics() {
		IdeaView earlier = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit("TS-THODAN"), Year.now().getValue() - 1,
				"Ứng dụng điện thoại theo dõi sâu bệnh trên lúa xsaubenhlua",
				"Nông dân chụp ảnh lá lúa bằng điện thoại, ứng dụng nhận biết sâu bệnh và gợi ý cách phòng trừ."));
		indexing.processOutbox();
		List<SimilarIdea> similar = search.similar(caller("doan.thodan"), "Phan mem tren dien thoai nhan biet benh hai lua xsaubenhlua",
				"Chup anh la lua, phan mem bao sau benh gi va cach phong tru cho ba con nong dan", null, 5);
		assertThat(similar).isNotEmpty();
		assertThat(similar.get(0).id()).isEqualTo(earlier.id());
		assertThat(similar.get(0).similarity()).isBetween(0.2, 1.0);
		// another commune's officer may not open it, so it is not shown
		assertThat(search.similar(caller("doan.thotan"), "Phan mem tren dien thoai nhan biet benh hai lua xsaubenhlua",
				"Chup anh la lua, phan mem bao sau benh gi", null, 5)).extracting(SimilarIdea::id).doesNotContain(earlier.id());
		assertThat(search.similar(caller("doan.thodan"), "", "", null, 5)).isEmpty();
	}

	@Test
	void aReviewerMarksADuplicateAndTheJudgementIsRemembered() {
		IdeaView earlier = submit("doan.thodan", create("doan.thodan", "TS-THODAN", "Thu gom vỏ chai nhựa đổi cây xvochainhua",
				"Đoàn viên thu gom vỏ chai nhựa để đổi lấy cây xanh trồng ở trường học."));
		IdeaView later = submit("doan.thodan", create("doan.thodan", "TS-THODAN", "Đổi chai nhựa lấy cây xanh xvochainhua",
				"Thu vỏ chai nhựa của người dân, đổi cây xanh để trồng ở sân trường."));
		indexing.processOutbox();
		assertThatThrownBy(() -> search.judge(caller("doan.thodan"), later.id(), earlier.id(), SimilarIdea.Verdict.DUPLICATE))
			.isInstanceOf(ForbiddenException.class);
		search.judge(caller("tran.thi.binh"), later.id(), earlier.id(), SimilarIdea.Verdict.DUPLICATE);
		List<SimilarIdea> similar = search.similar(caller("tran.thi.binh"), later.title(), later.summary(), later.id(), 5);
		assertThat(similar).filteredOn(s -> s.id() == earlier.id()).singleElement()
			.extracting(SimilarIdea::verdict).isEqualTo(SimilarIdea.Verdict.DUPLICATE);
		// only earlier ideas, never the idea itself
		assertThat(similar).allMatch(s -> s.id() < later.id());
		search.judge(caller("tran.thi.binh"), later.id(), earlier.id(), SimilarIdea.Verdict.DISTINCT);
		assertThat(search.similar(caller("tran.thi.binh"), later.title(), later.summary(), later.id(), 5))
			.filteredOn(s -> s.id() == earlier.id()).singleElement()
			.extracting(SimilarIdea::verdict).isEqualTo(SimilarIdea.Verdict.DISTINCT);
		assertThat(jdbc.sql("select judged_by_name from search_similarity_judgement where idea_id = :id").param("id", later.id())
			.query(String.class).single()).isNotBlank();
	}
}
