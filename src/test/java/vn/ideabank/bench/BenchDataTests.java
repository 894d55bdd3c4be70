package vn.ideabank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The generator without a database: determinism, NFC text, the near-duplicate rate, codes. */
class BenchDataTests {

	static final List<BenchData.UnitRow> UNITS = List.of(new BenchData.UnitRow(1, "TH", "/1/", "Tỉnh đoàn Thanh Hóa", "COMMITTEE", 0),
			new BenchData.UnitRow(2, "TS", "/1/2/", "Huyện đoàn Triệu Sơn", "COMMITTEE", 1),
			new BenchData.UnitRow(3, "TS-THODAN", "/1/2/3/", "Đoàn xã Thọ Dân", "COMMUNE", 2),
			new BenchData.UnitRow(4, "TS-THODAN-CD1", "/1/2/3/4/", "Chi đoàn thôn 1", "COMMUNE", 3),
			new BenchData.UnitRow(5, "TS-THPTTS1", "/1/2/5/", "Đoàn trường THPT Triệu Sơn 1", "SCHOOL", 2),
			new BenchData.UnitRow(6, "TP", "/1/6/", "Thành đoàn Thanh Hóa", "COMMITTEE", 1),
			new BenchData.UnitRow(7, "TP-HAMRONG", "/1/6/7/", "Đoàn phường Hàm Rồng", "COMMUNE", 2));

	static final class Collected implements BenchData.Sink {

		final StringBuilder members = new StringBuilder();

		final StringBuilder ideas = new StringBuilder();

		final StringBuilder authors = new StringBuilder();

		final StringBuilder benefits = new StringBuilder();

		final StringBuilder history = new StringBuilder();

		final List<long[]> duplicates = new ArrayList<>();

		public Appendable members() {
			return members;
		}

		public Appendable ideas() {
			return ideas;
		}

		public Appendable authors() {
			return authors;
		}

		public Appendable benefits() {
			return benefits;
		}

		public Appendable history() {
			return history;
		}

		public void nearDuplicate(long ideaId, String code, long originalId, String originalCode) {
			assertThat(originalCode).isNotNull();
			duplicates.add(new long[] { ideaId, originalId });
		}

		String all() {
			return members + "|" + ideas + "|" + authors + "|" + benefits + "|" + history + "|"
					+ duplicates.stream().map(d -> d[0] + ">" + d[1]).toList();
		}
	}

	static Collected generate(long seed, int ideas) {
		BenchData data = new BenchData(seed, UNITS, 0.05, 99, "Bench", Map.of("TS|2024", 7L));
		Collected out = new Collected();
		data.members(1000, 300, out);
		data.ideas(5000, 0, ideas / 2, out);
		data.ideas(5000, ideas / 2, ideas, out); // in chunks, as the loader does
		return out;
	}

	@Test
	void sameSeedSameRowsOtherSeedOtherRows() {
		String first = generate(42, 2_000).all();
		assertThat(generate(42, 2_000).all()).isEqualTo(first);
		assertThat(generate(43, 2_000).all()).isNotEqualTo(first);
	}

	@Test
	void allTextIsNfcAndVietnamese() {
		Collected out = generate(7, 3_000);
		String all = out.all();
		assertThat(Normalizer.isNormalized(all, Normalizer.Form.NFC)).isTrue();
		assertThat(out.ideas.toString()).contains("Hiện nay").containsPattern(" (ở|tại) ");
		assertThat(out.ideas.toString().lines().count()).isEqualTo(3_000);
		// one line per row: tabs and line breaks inside values are escaped
		assertThat(out.ideas.toString().lines()).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(29));
	}

	@Test
	void nearDuplicatesAtTheKnownRateAndPointBackToOriginals() {
		Collected out = generate(11, 20_000);
		double rate = out.duplicates.size() / 20_000.0;
		assertThat(rate).isBetween(0.04, 0.06);
		Set<Long> dupIds = new HashSet<>();
		out.duplicates.forEach(d -> dupIds.add(d[0]));
		assertThat(out.duplicates).allSatisfy(d -> {
			assertThat(d[1]).isLessThan(d[0]);
			assertThat(dupIds).doesNotContain(d[1]); // rewritten from an original, not from another duplicate
		});
	}

	@Test
	void codesAreUniqueAndContinueTheCounters() {
		Collected out = generate(5, 5_000);
		List<String> codes = out.ideas.toString().lines().map(l -> l.split("\t")[1]).toList();
		assertThat(new HashSet<>(codes)).hasSize(codes.size());
		assertThat(codes).allMatch(c -> c.matches("(TH|TS|TP)-20(19|2[0-6])-\\d{6}"));
		assertThat(codes).doesNotContain("TS-2024-000001", "TS-2024-000007").contains("TS-2024-000008");
	}

	@Test
	void rewritesAreCloseButNotEqual() {
		var r = new java.util.SplittableRandom(3);
		var t = IdeaTexts.generate(r, "xã Thọ Dân", vn.ideabank.member.TargetGroup.RURAL_YOUTH);
		var d = IdeaTexts.rewrite(t, new java.util.SplittableRandom(4));
		assertThat(d.solution()).isNotEqualTo(t.solution());
		assertThat(d.field()).isEqualTo(t.field());
	}
}
