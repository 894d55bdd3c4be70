package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;

/**
 * The similarity's document frequencies come from the index the backend writes: the node's Lucene directory, or on
 * OpenSearch the cluster ({@code _termvectors} with term statistics, many terms a request), for syllables and
 * syllable pairs, as the ideas are written.
 */
class TermStatisticsTests extends IntegrationTest {

	@Autowired
	SearchBackend backend;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	vn.ideabank.idea.IdeaService ideas;

	@Autowired
	UnitService units;

	@Test
	void documentFrequenciesAreReadFromTheIndexForWordsAndPairs() throws InterruptedException {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		String word = "xdemtan" + Long.toString(System.nanoTime() % 100_000, 26).replaceAll("[0-9]", "q");
		for (int i = 0; i < 3; i++) {
			ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2011, "Tần suất " + i, "Nội dung có " + word + " gamma " + i + "."));
		}
		ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, 2011, "Tiêu đề " + word, "Không nhắc lại."));
		indexing.processOutbox();
		// the Lucene side re-opens its reader at most every 2 s (and caches what it read): look only after that
		Thread.sleep(2100);
		TermStatistics statistics = backend.statistics();
		statistics.prefetch("text_folded", List.of(word, "xkhongcoodau"));
		statistics.prefetch("text_bigram", List.of(word + " gamma"));
		// the fourth idea has it in its title, which the text repeats (novelty: "Điểm mới: " + title)
		assertThat(statistics.documentFrequency("text_folded", word)).isEqualTo(4);
		assertThat(statistics.documentFrequency("title_folded", word)).isEqualTo(1);
		assertThat(statistics.documentFrequency("text_bigram", word + " gamma")).isEqualTo(3);
		assertThat(statistics.documentFrequency("text_folded", "xkhongcoodau")).isZero();
		assertThat(statistics.documents()).isGreaterThanOrEqualTo(4);
	}
}
