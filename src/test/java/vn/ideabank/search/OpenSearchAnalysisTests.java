package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ideabank.IntegrationTest;

/**
 * The analysis built on OpenSearch from what it ships ({@link ElasticsearchSearchBackend}: standard tokenizer,
 * lowercase, asciifolding, shingle, a mapping char filter) gives exactly the tokens of the Lucene side
 * ({@link VietnameseAnalysis}: ICU) for Vietnamese texts: the labelled sets' ~320 distinct idea texts, 60 texts
 * decomposed (NFD), and the shapes of text people type (codes, numbers, units, e-mail addresses, capitals, emoji,
 * every tone mark). Asked of the running node through {@code _analyze} on the index the application created.
 * Runs on OpenSearch only ({@code -Dideabank.test.search=opensearch}, .ci/run).
 */
class OpenSearchAnalysisTests extends IntegrationTest {

	static final List<String> SHAPES = List.of("Đoàn Thanh niên ĐỒNG LÒNG đưa nông nghiệp công nghệ cao",
			"ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ",
			"Ắ Ằ Ẳ Ẵ Ặ Ấ Ầ Ẩ Ẫ Ậ Ế Ề Ể Ễ Ệ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự Ý Ỳ Ỷ Ỹ Ỵ Đ đ Ư ư Ơ ơ Ă ă Â â Ê ê Ô ô",
			"Mã TS-THODAN-2025-0001, giá 1.000.000 đồng, năng suất 3,5 tấn/ha, tăng 50% so với năm 2024 (05/12/2026).",
			"Liên hệ doan.thodan@tuoitre.vn hoặc https://ideabank.vn/ideas/12?tab=1 để biết thêm.",
			"(Thí điểm) – “mô hình” … kết quả! Chuyển đổi số 4.0; COVID-19; e-learning; O'Neil; A+B=C",
			"noong nghieepj coong ngheej cao; no6ng nghie65p", "Ý tưởng hay 😀🚀 ✔ ★ ♥", "UBND xã, HTX, CNTT, ATGT, BVTV, THCS",
			"iPhone, GPS, IoT, AI, drone/flycam, Wi-Fi, QR-code, 5G", "  khoảng   trắng\tvà\nxuống dòng  ", "",
			"Hoà hòa Thuỷ thủy Quý quí Lý lí", "nghiêng nghiệp nguyễn NGUYỄN Nguyễn", "x".repeat(60) + " từ rất dài");

	@Autowired
	SearchBackend backend;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void openSearchGivesTheTokensOfTheLuceneSideForVietnameseTexts() throws Exception {
		assumeTrue(TestOpenSearch.enabled(), "runs on OpenSearch: -Dideabank.test.search=opensearch (.ci/run)");
		String index = ((SearchBackendConfiguration.Shared) backend).layout().createReadAlias(LuceneSearchBackend.INDEX_NAME);
		Set<String> texts = new LinkedHashSet<>(SHAPES);
		for (HardPairsTests.Pair p : HardPairsTests.pairs()) {
			texts.add(p.a());
			texts.add(p.b());
		}
		for (SimilarityQualityTests.Pair p : SimilarityQualityTests.pairs()) {
			texts.add(p.a());
			texts.add(p.b());
		}
		List<String> nfd = texts.stream().limit(60).map(t -> Normalizer.normalize(t, Normalizer.Form.NFD)).toList();
		texts.addAll(nfd);
		Map<String, Analyzer> analyzers = Map.of(VietnameseAnalysis.FOLDED, VietnameseAnalysis.folded(), VietnameseAnalysis.EXACT,
				VietnameseAnalysis.exact(), VietnameseAnalysis.BIGRAM, VietnameseAnalysis.bigram());
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (String text : texts) {
			for (var analyzer : analyzers.entrySet()) {
				List<String> lucene = VietnameseAnalysis.tokens(analyzer.getValue(), text);
				List<String> openSearch = analyze(index, analyzer.getKey(), text);
				compared++;
				if (!lucene.equals(openSearch)) {
					differences.add(analyzer.getKey() + " «" + text + "»\n  lucene:     " + lucene + "\n  opensearch: " + openSearch);
				}
			}
		}
		assertThat(differences).as("texts whose tokens differ, of %d compared", compared).isEmpty();
		assertThat(texts).hasSizeGreaterThan(350);
	}

	private List<String> analyze(String index, String analyzer, String text) throws IOException, InterruptedException {
		String body = json.writeValueAsString(Map.of("analyzer", analyzer, "text", text));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + TestOpenSearch.hosts() + "/" + index + "/_analyze"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tokens = new ArrayList<>();
		for (JsonNode token : json.readTree(response.body()).path("tokens")) {
			tokens.add(token.path("token").asString());
		}
		return tokens;
	}
}
