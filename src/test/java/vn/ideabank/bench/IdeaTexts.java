package vn.ideabank.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/**
 * Vietnamese idea text that reads like real submissions: a subject per sector field, an action, an
 * audience from the target group and a place from the unit, with varied phrasing. Everything is a
 * pure function of the random source it is given, so a seed reproduces the same text; all output is NFC.
 * {@link #rewrite} makes the near-duplicates (synonyms, reordered clauses, dropped diacritics).
 */
final class IdeaTexts {

	record Text(String title, String summary, String problem, String solution, String novelty, String benefitsOther,
			String scopeWhere, String scopeWhen, String scopeConditions, SectorField field, ApplicationArea area) {
	}

	private record Field(SectorField field, ApplicationArea area, String[] subjects, String[] purposes, String[] problems) {
	}

	private static final String[] ACTIONS = { "Ứng dụng", "Xây dựng", "Triển khai", "Thiết kế", "Phát triển", "Số hóa",
			"Tổ chức", "Cải tiến", "Nhân rộng", "Thí điểm" };

	private static final List<Field> FIELDS = List.of(
			new Field(SectorField.AGRICULTURE, ApplicationArea.PRODUCTION,
					new String[] { "hệ thống IoT tưới tiêu tự động", "mô hình nuôi cá trong ruộng lúa", "phần mềm theo dõi sâu bệnh hại lúa",
							"máy sấy nông sản dùng năng lượng mặt trời", "chế phẩm vi sinh xử lý rơm rạ", "nhà màng trồng dưa lưới",
							"mô hình trồng nấm rơm từ phụ phẩm nông nghiệp", "nhật ký điện tử truy xuất nguồn gốc rau" },
					new String[] { "cho ruộng lúa", "cho vườn rau an toàn", "cho hợp tác xã nông nghiệp", "cho trang trại chăn nuôi",
							"cho cánh đồng mía", "cho vùng trồng cây ăn quả" },
					new String[] { "nông dân vẫn tưới tiêu và bón phân theo kinh nghiệm nên tốn nước, tốn công",
							"rơm rạ sau thu hoạch bị đốt ngoài đồng gây ô nhiễm không khí",
							"sản phẩm nông nghiệp bán ra không rõ nguồn gốc nên giá thấp",
							"sâu bệnh phát hiện muộn làm giảm năng suất từ 10 đến 20 phần trăm" }),
			new Field(SectorField.IT, ApplicationArea.WORK,
					new String[] { "ứng dụng di động tra cứu thủ tục hành chính", "chatbot hỗ trợ đoàn viên", "hệ thống quản lý hồ sơ đoàn viên trực tuyến",
							"bản đồ số các công trình thanh niên", "trang thông tin điện tử của chi đoàn", "phần mềm điểm danh bằng mã QR" },
					new String[] { "cho đoàn cơ sở", "cho bộ phận một cửa", "cho các chi đoàn thôn", "cho nhà trường" },
					new String[] { "việc quản lý đoàn viên vẫn làm trên sổ sách giấy nên khó tra cứu và dễ thất lạc",
							"thông tin đến với đoàn viên chậm vì chỉ thông báo qua loa truyền thanh",
							"cán bộ đoàn mất nhiều thời gian tổng hợp báo cáo thủ công" }),
			new Field(SectorField.ADMIN_REFORM, ApplicationArea.WORK,
					new String[] { "quy trình tiếp nhận hồ sơ một cửa", "mã QR tra cứu kết quả giải quyết thủ tục", "tổ thanh niên hỗ trợ dịch vụ công trực tuyến",
							"sổ tay hướng dẫn thủ tục hành chính bằng hình ảnh", "hòm thư góp ý điện tử" },
					new String[] { "cho người dân", "cho người cao tuổi", "tại ủy ban nhân dân xã", "cho hộ kinh doanh" },
					new String[] { "người dân phải đi lại nhiều lần mới hoàn thành một thủ tục",
							"tỉ lệ hồ sơ nộp trực tuyến còn thấp do người dân chưa quen dùng dịch vụ công",
							"ý kiến của người dân chưa được tiếp nhận và phản hồi kịp thời" }),
			new Field(SectorField.EDUCATION, ApplicationArea.STUDY,
					new String[] { "câu lạc bộ tiếng Anh", "thư viện số", "góc học tập cộng đồng", "bộ học liệu STEM từ vật liệu tái chế",
							"lớp học kỹ năng sống", "ngân hàng đề ôn tập trực tuyến" },
					new String[] { "cho học sinh vùng khó khăn", "cho thiếu nhi trong hè", "cho học sinh trung học cơ sở", "cho thanh niên nông thôn" },
					new String[] { "học sinh thiếu sách tham khảo và không gian học tập sau giờ lên lớp",
							"nhiều em chưa được tiếp cận phương pháp học tập STEM",
							"thiếu nhi dành quá nhiều thời gian cho điện thoại trong dịp hè" }),
			new Field(SectorField.ENVIRONMENT, ApplicationArea.LIFE,
					new String[] { "mô hình phân loại rác tại nguồn", "điểm thu gom pin cũ", "tuyến đường hoa thanh niên",
							"mô hình sản xuất phân hữu cơ từ rác thải nhà bếp", "ngày chủ nhật xanh", "hệ thống lọc nước sinh hoạt bằng vật liệu địa phương" },
					new String[] { "tại khu dân cư", "trong trường học", "ở các thôn", "dọc kênh mương nội đồng" },
					new String[] { "rác thải sinh hoạt chưa được phân loại nên bãi rác nhanh đầy và gây mùi",
							"pin cũ bị vứt chung với rác thải sinh hoạt gây ô nhiễm đất và nước",
							"kênh mương bị ùn tắc do rác thải nhựa" }),
			new Field(SectorField.HEALTH, ApplicationArea.LIFE,
					new String[] { "sổ theo dõi sức khỏe điện tử", "tủ thuốc cộng đồng", "ứng dụng nhắc lịch tiêm chủng", "đội sơ cấp cứu thanh niên" },
					new String[] { "cho người cao tuổi", "cho trẻ em", "tại trạm y tế xã", "cho công nhân khu công nghiệp" },
					new String[] { "nhiều gia đình quên lịch tiêm chủng của trẻ",
							"người cao tuổi sống một mình không được theo dõi sức khỏe thường xuyên",
							"khi có tai nạn, người dân chưa biết sơ cứu ban đầu" }),
			new Field(SectorField.TRAFFIC_URBAN, ApplicationArea.LIFE,
					new String[] { "hệ thống đèn năng lượng mặt trời cho đường thôn", "biển cảnh báo thông minh tại điểm giao cắt",
							"bản đồ điểm đen giao thông", "gương cầu lồi tại các khúc cua" },
					new String[] { "trên đường liên xã", "gần cổng trường học", "tại các ngã ba nguy hiểm", "trên tuyến đường làng" },
					new String[] { "đường thôn không có đèn chiếu sáng nên tai nạn thường xảy ra vào ban đêm",
							"học sinh qua đường trước cổng trường gặp nhiều nguy hiểm",
							"các khúc cua khuất tầm nhìn gây va chạm giao thông" }),
			new Field(SectorField.COMMUNITY, ApplicationArea.LIFE,
					new String[] { "quỹ khởi nghiệp thanh niên", "mô hình thắp sáng đường quê", "ngân hàng thời gian tình nguyện",
							"bếp ăn yêu thương", "tủ quần áo nhân ái" },
					new String[] { "cho thanh niên", "cho hộ nghèo", "cho người khuyết tật", "tại địa phương" },
					new String[] { "thanh niên có ý tưởng khởi nghiệp nhưng thiếu vốn ban đầu",
							"hoạt động tình nguyện còn rời rạc và chưa được ghi nhận",
							"nhiều hộ khó khăn chưa được hỗ trợ kịp thời" }),
			new Field(SectorField.CULTURE, ApplicationArea.LIFE,
					new String[] { "số hóa di tích lịch sử", "tour du lịch trải nghiệm", "câu lạc bộ dân ca", "bảo tàng ảnh làng quê" },
					new String[] { "của địa phương", "cho thanh thiếu nhi", "gắn với di tích lịch sử", "cho khách du lịch" },
					new String[] { "di tích lịch sử của địa phương ít được giới trẻ biết đến",
							"các làn điệu dân ca đang mai một", "thiếu sản phẩm du lịch gắn với văn hóa địa phương" }),
			new Field(SectorField.BUSINESS, ApplicationArea.PRODUCTION,
					new String[] { "gian hàng trực tuyến cho sản phẩm OCOP", "phiên livestream bán nông sản", "mô hình hợp tác xã thanh niên",
							"thương hiệu chung cho đặc sản địa phương" },
					new String[] { "của xã", "cho hộ sản xuất nhỏ", "cho thanh niên khởi nghiệp", "trên các sàn thương mại điện tử" },
					new String[] { "sản phẩm địa phương chủ yếu bán qua thương lái nên giá thấp",
							"hộ sản xuất nhỏ chưa biết quảng bá sản phẩm trên mạng",
							"đặc sản địa phương chưa có nhãn mác và bao bì" }),
			new Field(SectorField.SCIENCE_TECH, ApplicationArea.PRODUCTION,
					new String[] { "thiết bị đo độ mặn nước", "máy bay không người lái phun thuốc", "cảm biến cảnh báo cháy rừng",
							"máy bóc vỏ lạc cải tiến" },
					new String[] { "cho vùng ven biển", "cho rừng phòng hộ", "cho nông dân", "cho tổ hợp tác" },
					new String[] { "người dân không biết độ mặn của nước trước khi lấy nước vào ruộng",
							"cháy rừng phát hiện chậm gây thiệt hại lớn", "lao động thủ công vất vả và năng suất thấp" }),
			new Field(SectorField.DEFENCE, ApplicationArea.WORK,
					new String[] { "phần mềm quản lý thanh niên trong độ tuổi nhập ngũ", "ứng dụng ôn luyện điều lệnh cho dân quân",
							"mô hình tổ thanh niên tự quản an ninh trật tự" },
					new String[] { "tại xã", "cho lực lượng dân quân", "tại khu dân cư" },
					new String[] { "việc nắm số lượng thanh niên trong độ tuổi nhập ngũ còn thủ công",
							"an ninh trật tự ở khu dân cư còn diễn biến phức tạp" }),
			new Field(SectorField.OTHER, ApplicationArea.WORK,
					new String[] { "sổ tay điện tử chi đoàn", "mô hình chi đoàn kiểu mẫu", "bảng tin thanh niên" },
					new String[] { "cho chi đoàn", "tại đoàn cơ sở" },
					new String[] { "sinh hoạt chi đoàn còn đơn điệu, ít đoàn viên tham gia" }));

	private static final String[] STEPS = { "khảo sát nhu cầu thực tế", "lắp đặt thử nghiệm tại một điểm", "tập huấn cho đoàn viên",
			"phối hợp với ủy ban nhân dân xã", "vận động nguồn xã hội hóa", "đánh giá kết quả sau ba tháng", "hoàn thiện và nhân rộng",
			"lập nhóm zalo để theo dõi", "ghi chép số liệu hằng tuần" };

	private static final String[] EFFECTS = { "tiết kiệm khoảng %d%% thời gian", "giảm khoảng %d%% chi phí", "tăng năng suất khoảng %d%%",
			"giảm %d%% lượng rác thải", "rút ngắn %d%% thời gian chờ đợi" };

	private static final Map<TargetGroup, String> AUDIENCE = Map.of(TargetGroup.PUPIL, "học sinh", TargetGroup.STUDENT, "sinh viên",
			TargetGroup.YOUNG_OFFICIAL, "cán bộ, công chức trẻ", TargetGroup.RURAL_YOUTH, "thanh niên nông thôn",
			TargetGroup.URBAN_YOUTH, "thanh niên đô thị", TargetGroup.YOUNG_WORKER, "công nhân trẻ", TargetGroup.ARMED_FORCES,
			"chiến sĩ trẻ", TargetGroup.ENTREPRENEUR, "doanh nhân trẻ", TargetGroup.CHILDREN, "thiếu nhi");

	/** Synonyms for near-duplicates: each pair may be swapped either way. */
	private static final String[][] SYNONYMS = { { "Ứng dụng", "Áp dụng" }, { "Xây dựng", "Thiết lập" }, { "Triển khai", "Thực hiện" },
			{ "Phát triển", "Mở rộng" }, { "Cải tiến", "Nâng cấp" }, { " cho ", " dành cho " }, { " ở ", " tại " },
			{ "giúp", "hỗ trợ" }, { "giảm", "hạn chế" }, { "người dân", "bà con" }, { "đoàn viên", "đoàn viên, thanh niên" },
			{ "tự động", "tự động hóa" }, { "hệ thống", "giải pháp" }, { "mô hình", "cách làm" }, { "Hiện nay", "Thực tế hiện nay" } };

	private IdeaTexts() {
	}

	static Text generate(SplittableRandom r, String place, TargetGroup group) {
		Field f = FIELDS.get(r.nextInt(FIELDS.size()));
		String action = pick(r, ACTIONS);
		String subject = pick(r, f.subjects);
		String purpose = pick(r, f.purposes);
		String audience = AUDIENCE.get(group);
		String title = switch (r.nextInt(5)) {
			case 0 -> "%s %s %s ở %s".formatted(action, subject, purpose, place);
			case 1 -> "%s %s %s".formatted(capitalise(subject), purpose, "tại " + place);
			case 2 -> "Giải pháp %s %s %s".formatted(lowerFirst(action), subject, purpose);
			case 3 -> "%s %s của %s %s".formatted(action, subject, audience, place);
			default -> subject.startsWith("mô hình") ? "%s %s ở %s".formatted(capitalise(subject), purpose, place)
					: "Mô hình %s %s".formatted(subject, purpose);
		};
		String problem = pick(r, f.problems);
		String summary = "%s %s %s, giúp %s %s.".formatted(action, subject, purpose, audience,
				pick(r, new String[] { "làm việc hiệu quả hơn", "tiết kiệm thời gian và chi phí", "có thêm thu nhập",
						"tiếp cận công nghệ mới", "nâng cao ý thức cộng đồng" }));
		List<String> steps = new ArrayList<>(List.of(STEPS));
		shuffle(steps, r);
		String solution = "%s %s %s. Các bước: %s, %s, %s và %s. Kinh phí dự kiến %d triệu đồng, do %s thực hiện.".formatted(action,
				subject, purpose, steps.get(0), steps.get(1), steps.get(2), steps.get(3), 5 + r.nextInt(96), audience);
		String novelty = pick(r, new String[] { "Lần đầu tiên được áp dụng tại %s; chi phí thấp, dễ làm, dễ nhân rộng.",
				"Tận dụng vật liệu sẵn có ở %s, phù hợp điều kiện địa phương.",
				"Kết hợp công nghệ số với hoạt động của đoàn viên ở %s.",
				"Chưa có đơn vị nào ở %s triển khai cách làm này." }).formatted(place);
		String benefits = EFFECTS[r.nextInt(EFFECTS.length)].formatted(10 + r.nextInt(41)) + " so với cách làm cũ";
		String where = place + pick(r, new String[] { " và các xã lân cận", "", " và toàn huyện", ", có thể nhân rộng ra toàn tỉnh" });
		String when = pick(r, new String[] { "Quanh năm", "Trong mùa vụ", "Dịp hè", "Từ quý II", "Sau khi được phê duyệt" });
		String conditions = pick(r, new String[] { "Cần sự phối hợp của chính quyền xã", "Cần kinh phí xã hội hóa",
				"Cần đoàn viên có điện thoại thông minh", "Không cần điều kiện đặc biệt" });
		return new Text(nfc(title), nfc(summary), nfc("Hiện nay, " + problem + "."), nfc(solution), nfc(novelty), nfc(benefits),
				nfc(where), when, conditions, f.field, f.area);
	}

	/** A near-duplicate of {@code t}: synonyms, reordered clauses, and in some the diacritics dropped. */
	static Text rewrite(Text t, SplittableRandom r) {
		String title = synonyms(t.title, r);
		int dot = title.indexOf(" tại ") > 0 ? title.indexOf(" tại ") : title.indexOf(" ở ");
		if (dot > 0 && r.nextBoolean()) {
			String tail = title.substring(dot + 1);
			title = capitalise(tail) + ": " + lowerFirst(title.substring(0, dot));
		}
		String solution = synonyms(t.solution, r);
		String[] sentences = solution.split("\\. ");
		if (sentences.length > 2 && r.nextBoolean()) {
			String first = sentences[0];
			sentences[0] = sentences[sentences.length - 1].replaceAll("\\.$", "");
			sentences[sentences.length - 1] = first + ".";
			solution = String.join(". ", sentences);
		}
		String problem = synonyms(t.problem, r);
		String summary = synonyms(t.summary, r);
		if (r.nextInt(3) == 0) { // typed without a Vietnamese keyboard
			title = TextNormalizer.fold(title);
			summary = TextNormalizer.fold(summary);
		}
		return new Text(nfc(title), nfc(summary), nfc(problem), nfc(solution), t.novelty, t.benefitsOther, t.scopeWhere, t.scopeWhen,
				t.scopeConditions, t.field, t.area);
	}

	private static String synonyms(String s, SplittableRandom r) {
		String out = s;
		for (String[] pair : SYNONYMS) {
			if (r.nextInt(3) != 0) {
				out = out.contains(pair[0]) ? out.replace(pair[0], pair[1]) : out.replace(pair[1], pair[0]);
			}
		}
		return out;
	}

	static String pick(SplittableRandom r, String[] from) {
		return from[r.nextInt(from.length)];
	}

	private static void shuffle(List<String> list, SplittableRandom r) {
		for (int i = list.size() - 1; i > 0; i--) {
			Collections.swap(list, i, r.nextInt(i + 1));
		}
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	static String nfc(String s) {
		return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
	}
}
