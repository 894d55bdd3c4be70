package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * Every author is warned of an earlier similar idea of the whole tree and every year; one he may not open
 * comes masked (year and unit only), never with its title, text or code.
 */
class SimilarWarningTests extends IntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Test
	void aMemberTypingARewordingSeesAMaskedWarningAndNoPrivateText() {
		long thoTan = units.findByCode("TS-THOTAN").orElseThrow().id();
		IdeaView secret = ideas.create(caller("doan.thotan"), SearchTestData.idea(thoTan, Year.now().getValue() - 1,
				"Dùng máy bay không người lái phun thuốc bảo vệ thực vật cho vườn cam xbimatdrone",
				"Hợp tác xã thuê máy bay không người lái phun thuốc trừ sâu cho các hộ trồng cam, giảm công và độc hại xbimatnoidung."));
		secret = ideas.step(caller("doan.thotan"), secret.id(), new TakeStep(IdeaStep.SUBMIT, secret.version(), null, null, null, null));
		indexing.processOutbox();

		// another commune's member, typing the same idea in other words (loanword, abbreviations)
		List<SimilarIdea> seen = search.similar(caller("nguyen.van.an"), "Phun thuốc BVTV cho cây cam bằng flycam",
				"HTX dùng drone phun cho bà con trồng cam, người phun không phải tiếp xúc thuốc sâu.", null, 5);
		// masked: nothing but the year, the unit and the level (other tests may leave a like idea in Thọ Tân too)
		assertThat(seen).filteredOn(s -> !s.readable()).isNotEmpty().allSatisfy(s -> {
			assertThat(s.id()).isZero();
			assertThat(s.code()).isEmpty();
			assertThat(s.title()).isEmpty();
			assertThat(s.level()).isNotNull();
		}).anySatisfy(s -> {
			assertThat(s.year()).isEqualTo(Year.now().getValue() - 1);
			assertThat(s.unitName()).isEqualTo(units.findByCode("TS-THOTAN").orElseThrow().name());
		});
		String everything = seen.toString();
		assertThat(everything).doesNotContain("xbimatdrone", "xbimatnoidung", secret.code(), String.valueOf(secret.id()));

		// the author's own unit opens it: the full entry
		assertThat(search.similar(caller("doan.thotan"), "Phun thuốc BVTV cho cây cam bằng flycam",
				"HTX dùng drone phun cho bà con trồng cam, người phun không phải tiếp xúc thuốc sâu.", null, 5))
			.filteredOn(SimilarIdea::readable).extracting(SimilarIdea::id).contains(secret.id());
	}

	@Test
	void anotherUnitsDraftIsNotMentionedAtAll() {
		long thoTan = units.findByCode("TS-THOTAN").orElseThrow().id();
		ideas.create(caller("doan.thotan"), SearchTestData.idea(thoTan, Year.now().getValue(),
				"Bể lọc nước giếng khoan bằng cát và than hoạt tính xnhapbeloc",
				"Hướng dẫn hộ dân xây bể lọc ba lớp cát, sỏi, than hoạt tính để có nước sạch, hết phèn."));
		indexing.processOutbox();
		assertThat(search.similar(caller("nguyen.van.an"), "Bể lọc nước giếng khoan bằng cát và than hoạt tính",
				"Hộ dân xây bể lọc ba lớp cát sỏi than hoạt tính, nước sạch hết phèn.", null, 5)).isEmpty();
	}

	@Test
	void telexTypingFindsTheIdea() {
		long thoTan = units.findByCode("TS-THOTAN").orElseThrow().id();
		IdeaView idea = ideas.create(caller("doan.thotan"), SearchTestData.idea(thoTan, Year.now().getValue(),
				"Tủ sách thiếu nhi ở nhà văn hóa thôn xtelextusach", "Đoàn viên quyên góp sách cho thiếu nhi đọc miễn phí."));
		indexing.processOutbox();
		assertThat(search.similar(caller("doan.thotan"), "Tur sachs thieeus nhi owr nhaf vawn hoas thoon",
				"Ddoanf vieen quyeen gops sachs cho thieeus nhi ddocj mieenx phis", null, 5))
			.extracting(SimilarIdea::id).contains(idea.id());
	}
}
