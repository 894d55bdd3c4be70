package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.org.UnitService;

/**
 * On the embedded index a search's first pass and its rescoring run in one Lucene searcher ({@link LuceneRescoring});
 * a cluster runs the rescoring as a second query over the first pass's ids. Both must give every page the same
 * ideas with the same scores: inside the rescore window, past it, with a thesaurus phrase, in the fuzzy fallback,
 * for a caller who sees everything and for one whose visibility is a filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneRescoringTests extends IntegrationTest {

	/** A year no other test uses, so that only these ideas are found. */
	private static final int YEAR = 2013;

	private static final List<String> WORDS = List.of("tưới tiêu", "tự động", "máy bay không người lái", "phun thuốc",
			"cánh đồng", "rau sạch", "thanh niên", "hợp tác xã", "cảm biến", "nước ngầm");

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	EntityManager em;

	@Autowired
	JudgementStore judgements;

	@Autowired
	SimilarIdeas similarIdeas;

	@Autowired
	ThesaurusSource thesauri;

	@Autowired
	SearchBackend backend;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeAll
	void ideas() {
		// on a cluster (mvn -Popensearch) both ways are the second query by ids: nothing to compare
		assumeTrue(backend.ownLuceneIndex(), "the embedded index only");
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		SplittableRandom random = new SplittableRandom(13);
		for (int i = 0; i < 320; i++) {
			StringBuilder text = new StringBuilder();
			for (int w = 0; w < 16; w++) {
				text.append(WORDS.get(random.nextInt(WORDS.size()))).append(w % 4 == 3 ? ". " : " ");
			}
			String title = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size())) + " " + i;
			ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, YEAR, title, text.toString().strip()));
		}
		indexing.processOutbox();
	}

	@Test
	void everyPageHasTheIdeasAndScoresOfTheRescoringByIds() {
		SearchService byIds = new SearchService(em, units, ideas, judgements, similarIdeas, thesauri, new ClusterLike(backend));
		int compared = 0;
		for (String username : List.of("admin", "doan.thodan")) {
			for (String q : List.of("tưới tiêu", "tuoi tieu tu dong", "flycam phun thuốc", "cảm biến nước ngầm", "thanhh nieen")) {
				for (int page : List.of(0, 3, 9, 11, 12)) {
					SearchResults inPlace = page(search, username, q, page);
					SearchResults second = page(byIds, username, q, page);
					assertThat(inPlace.totalElements()).as("%s, page %d", q, page).isEqualTo(second.totalElements());
					assertThat(inPlace.totalExact()).isEqualTo(second.totalExact());
					Map<String, Float> scores = second.content().stream().collect(Collectors.toMap(SearchHit::code, SearchHit::score));
					assertThat(inPlace.content()).extracting(SearchHit::code).as("%s as %s, page %d", q, username, page)
						.containsExactlyInAnyOrderElementsOf(scores.keySet());
					boolean rescored = (page + 1) * 20 <= SearchService.RESCORE_WINDOW;
					for (SearchHit hit : inPlace.content()) {
						if (rescored) { // past the window the order is the first pass's; a second query scores the page again
							assertThat(hit.score()).as("%s as %s, page %d", q, username, page).isCloseTo(scores.get(hit.code()), within(1e-4f));
						}
						assertThat(hit.titleHighlight()).isEqualTo(second.content().stream()
							.filter(h -> h.code().equals(hit.code())).findFirst().orElseThrow().titleHighlight());
					}
					compared += inPlace.content().size();
				}
			}
		}
		assertThat(compared).isGreaterThan(600);
		assertThat(page(search, "admin", "tưới tiêu", 12).content()).as("a page past the rescoring window").isNotEmpty();
		assertThat(page(search, "admin", "thanhh nieen", 0).content()).as("found with one letter wrong").isNotEmpty();
	}

	private SearchResults page(SearchService service, String username, String q, int page) {
		Caller caller = caller(username);
		return new TransactionTemplate(transactions).execute(s -> service.search(caller,
				new SearchQuery(q, null, YEAR, null, null, null, null), page, 20));
	}

	/** The same backend, as a cluster would be: its search rescoring by a second query over the ids. */
	private record ClusterLike(SearchBackend local) implements SearchBackend {

		@Override
		public Optional<String> sharedIndex() {
			return Optional.of("test");
		}

		@Override
		public TermStatistics statistics() {
			return local.statistics();
		}

		@Override
		public IndexingPlanSynchronizationStrategy changeLogWrites() {
			return local.changeLogWrites();
		}
	}
}
