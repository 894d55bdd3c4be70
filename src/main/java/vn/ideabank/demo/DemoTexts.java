package vn.ideabank.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;

import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.SectorField;

/**
 * Vietnamese idea texts for the demo year, put together from fragments (a subject, who it is for, the
 * problem it answers, the steps): a pure function of the random source, so a seed gives the same year.
 * The phrases follow those of the benchmark's generator (test code, which main code must not use).
 */
final class DemoTexts {

	record Text(String title, String summary, String problem, String solution, String novelty, String benefitsOther,
			String scopeWhere, String scopeWhen, String scopeConditions, SectorField field, ApplicationArea area) {
	}

	private record Field(SectorField field, ApplicationArea area, String[] subjects, String[] purposes, String[] problems) {
	}

	private static final String[] ACTIONS = { "Ứng dụng", "Xây dựng", "Triển khai", "Thiết kế", "Phát triển", "Số hóa", "Tổ chức",
			"Cải tiến", "Nhân rộng", "Thí điểm" };

	private static final List<Field> FIELDS = List.of(
			new Field(SectorField.AGRICULTURE, ApplicationArea.PRODUCTION,
					new String[] { "hệ thống tưới tiêu tự động", "mô hình nuôi cá trong ruộng lúa", "phần mềm theo dõi sâu bệnh hại lúa",
							"máy sấy nông sản dùng năng lượng mặt trời", "chế phẩm vi sinh xử lý rơm rạ", "nhà màng trồng dưa lưới",
							"mô hình trồng nấm rơm từ phụ phẩm nông nghiệp", "nhật ký điện tử truy xuất nguồn gốc rau" },
					new String[] { "cho ruộng lúa", "cho vườn rau an toàn", "cho hợp tác xã nông nghiệp", "cho cánh đồng mía" },
					new String[] { "nông dân vẫn tưới tiêu và bón phân theo kinh nghiệm nên tốn nước, tốn công",
							"rơm rạ sau thu hoạch bị đốt ngoài đồng gây ô nhiễm không khí",
							"sản phẩm nông nghiệp bán ra không rõ nguồn gốc nên giá thấp" }),
			new Field(SectorField.IT, ApplicationArea.WORK,
					new String[] { "ứng dụng di động tra cứu thủ tục hành chính", "chatbot hỗ trợ đoàn viên",
							"hệ thống quản lý hồ sơ đoàn viên trực tuyến", "bản đồ số các công trình thanh niên", "phần mềm điểm danh bằng mã QR" },
					new String[] { "cho đoàn cơ sở", "cho bộ phận một cửa", "cho các chi đoàn thôn", "cho nhà trường" },
					new String[] { "việc quản lý đoàn viên vẫn làm trên sổ sách giấy nên khó tra cứu và dễ thất lạc",
							"cán bộ đoàn mất nhiều thời gian tổng hợp báo cáo thủ công" }),
			new Field(SectorField.ADMIN_REFORM, ApplicationArea.WORK,
					new String[] { "mã QR tra cứu kết quả giải quyết thủ tục", "tổ thanh niên hỗ trợ dịch vụ công trực tuyến",
							"sổ tay hướng dẫn thủ tục hành chính bằng hình ảnh", "hòm thư góp ý điện tử" },
					new String[] { "cho người dân", "cho người cao tuổi", "tại ủy ban nhân dân xã", "cho hộ kinh doanh" },
					new String[] { "người dân phải đi lại nhiều lần mới hoàn thành một thủ tục",
							"tỉ lệ hồ sơ nộp trực tuyến còn thấp do người dân chưa quen dùng dịch vụ công" }),
			new Field(SectorField.EDUCATION, ApplicationArea.STUDY,
					new String[] { "câu lạc bộ tiếng Anh", "thư viện số", "góc học tập cộng đồng", "bộ học liệu STEM từ vật liệu tái chế",
							"lớp học kỹ năng sống" },
					new String[] { "cho học sinh vùng khó khăn", "cho thiếu nhi trong hè", "cho học sinh trung học cơ sở" },
					new String[] { "học sinh thiếu sách tham khảo và không gian học tập sau giờ lên lớp",
							"thiếu nhi dành quá nhiều thời gian cho điện thoại trong dịp hè" }),
			new Field(SectorField.ENVIRONMENT, ApplicationArea.LIFE,
					new String[] { "mô hình phân loại rác tại nguồn", "điểm thu gom pin cũ", "tuyến đường hoa thanh niên",
							"mô hình sản xuất phân hữu cơ từ rác thải nhà bếp", "ngày chủ nhật xanh" },
					new String[] { "tại khu dân cư", "trong trường học", "ở các thôn", "dọc kênh mương nội đồng" },
					new String[] { "rác thải sinh hoạt chưa được phân loại nên bãi rác nhanh đầy và gây mùi",
							"kênh mương bị ùn tắc do rác thải nhựa" }),
			new Field(SectorField.HEALTH, ApplicationArea.LIFE,
					new String[] { "sổ theo dõi sức khỏe điện tử", "tủ thuốc cộng đồng", "ứng dụng nhắc lịch tiêm chủng",
							"đội sơ cấp cứu thanh niên" },
					new String[] { "cho người cao tuổi", "cho trẻ em", "tại trạm y tế xã" },
					new String[] { "nhiều gia đình quên lịch tiêm chủng của trẻ",
							"khi có tai nạn, người dân chưa biết sơ cứu ban đầu" }),
			new Field(SectorField.TRAFFIC_URBAN, ApplicationArea.LIFE,
					new String[] { "hệ thống đèn năng lượng mặt trời cho đường thôn", "bản đồ điểm đen giao thông",
							"gương cầu lồi tại các khúc cua" },
					new String[] { "trên đường liên xã", "gần cổng trường học", "trên tuyến đường làng" },
					new String[] { "đường thôn không có đèn chiếu sáng nên tai nạn thường xảy ra vào ban đêm",
							"các khúc cua khuất tầm nhìn gây va chạm giao thông" }),
			new Field(SectorField.COMMUNITY, ApplicationArea.LIFE,
					new String[] { "quỹ khởi nghiệp thanh niên", "mô hình thắp sáng đường quê", "ngân hàng thời gian tình nguyện",
							"bếp ăn yêu thương", "tủ quần áo nhân ái" },
					new String[] { "cho thanh niên", "cho hộ nghèo", "cho người khuyết tật", "tại địa phương" },
					new String[] { "thanh niên có ý tưởng khởi nghiệp nhưng thiếu vốn ban đầu",
							"hoạt động tình nguyện còn rời rạc và chưa được ghi nhận" }),
			new Field(SectorField.CULTURE, ApplicationArea.LIFE,
					new String[] { "số hóa di tích lịch sử", "tour du lịch trải nghiệm", "câu lạc bộ dân ca", "bảo tàng ảnh làng quê" },
					new String[] { "của địa phương", "cho thanh thiếu nhi", "cho khách du lịch" },
					new String[] { "di tích lịch sử của địa phương ít được giới trẻ biết đến", "các làn điệu dân ca đang mai một" }),
			new Field(SectorField.BUSINESS, ApplicationArea.PRODUCTION,
					new String[] { "gian hàng trực tuyến cho sản phẩm OCOP", "phiên livestream bán nông sản", "mô hình hợp tác xã thanh niên",
							"thương hiệu chung cho đặc sản địa phương" },
					new String[] { "của xã", "cho hộ sản xuất nhỏ", "cho thanh niên khởi nghiệp" },
					new String[] { "sản phẩm địa phương chủ yếu bán qua thương lái nên giá thấp",
							"đặc sản địa phương chưa có nhãn mác và bao bì" }),
			new Field(SectorField.SCIENCE_TECH, ApplicationArea.PRODUCTION,
					new String[] { "máy bay không người lái phun thuốc", "cảm biến cảnh báo cháy rừng", "máy bóc vỏ lạc cải tiến" },
					new String[] { "cho rừng phòng hộ", "cho nông dân", "cho tổ hợp tác" },
					new String[] { "cháy rừng phát hiện chậm gây thiệt hại lớn", "lao động thủ công vất vả và năng suất thấp" }));

	private static final String[] STEPS = { "khảo sát nhu cầu thực tế", "lắp đặt thử nghiệm tại một điểm", "tập huấn cho đoàn viên",
			"phối hợp với ủy ban nhân dân xã", "vận động nguồn xã hội hóa", "đánh giá kết quả sau ba tháng", "hoàn thiện và nhân rộng" };

	private static final String[] GAINS = { "làm việc hiệu quả hơn", "tiết kiệm thời gian và chi phí", "có thêm thu nhập",
			"tiếp cận công nghệ mới", "nâng cao ý thức cộng đồng" };

	private static final String[] EFFECTS = { "tiết kiệm khoảng %d%% thời gian", "giảm khoảng %d%% chi phí", "tăng năng suất khoảng %d%%",
			"giảm %d%% lượng rác thải" };

	private static final String[] NOVELTY = { "Lần đầu tiên được áp dụng tại %s; chi phí thấp, dễ làm, dễ nhân rộng.",
			"Tận dụng vật liệu sẵn có ở %s, phù hợp điều kiện địa phương.", "Kết hợp công nghệ số với hoạt động của đoàn viên ở %s.",
			"Chưa có đơn vị nào ở %s triển khai cách làm này." };

	private static final String[] WHEN = { "Quanh năm", "Trong mùa vụ", "Dịp hè", "Từ quý II", "Sau khi được phê duyệt" };

	private static final String[] CONDITIONS = { "Cần sự phối hợp của chính quyền xã", "Cần kinh phí xã hội hóa",
			"Cần đoàn viên có điện thoại thông minh", "Không cần điều kiện đặc biệt" };

	/** Given names for authors outside the roster. */
	private static final String[] FAMILY = { "Nguyễn", "Lê", "Trần", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Trịnh", "Lò" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Hải" };

	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hiếu", "Hương", "Khánh", "Linh", "Long",
			"Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Tuấn", "Vy", "Yến" };

	private DemoTexts() {
	}

	/** An idea's text for a unit called {@code place} (its name without "Đoàn xã", "Chi đoàn"…). */
	static Text generate(Random r, String place) {
		Field f = FIELDS.get(r.nextInt(FIELDS.size()));
		String action = pick(r, ACTIONS);
		String subject = pick(r, f.subjects());
		String purpose = pick(r, f.purposes());
		String title = switch (r.nextInt(4)) {
			case 0 -> "%s %s %s ở %s".formatted(action, subject, purpose, place);
			case 1 -> "%s %s tại %s".formatted(capitalise(subject), purpose, place);
			case 2 -> "Giải pháp %s %s %s".formatted(action.toLowerCase(java.util.Locale.ROOT), subject, purpose);
			default -> "%s %s %s".formatted(action, subject, purpose);
		};
		String summary = "%s %s %s, giúp đoàn viên và người dân %s.".formatted(action, subject, purpose, pick(r, GAINS));
		int first = r.nextInt(STEPS.length);
		String solution = "%s %s %s. Các bước: %s, %s và %s. Kinh phí dự kiến %d triệu đồng.".formatted(action, subject, purpose,
				STEPS[first], STEPS[(first + 2) % STEPS.length], STEPS[(first + 4) % STEPS.length], 5 + r.nextInt(96));
		return new Text(nfc(title), nfc(summary), nfc("Hiện nay, " + pick(r, f.problems()) + "."), nfc(solution),
				nfc(pick(r, NOVELTY).formatted(place)), nfc(pick(r, EFFECTS).formatted(10 + r.nextInt(41)) + " so với cách làm cũ"),
				nfc(place), pick(r, WHEN), pick(r, CONDITIONS), f.field(), f.area());
	}

	static String personName(Random r) {
		return nfc(pick(r, FAMILY) + " " + pick(r, MIDDLE) + " " + pick(r, GIVEN));
	}

	static String pick(Random r, String[] from) {
		return from[r.nextInt(from.length)];
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}
}
