package vn.ideabank.idea;

import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;

import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.member.TargetGroup;

/** Complete, realistic ideas for tests. */
final class IdeaTestData {

	private IdeaTestData() {
	}

	static IdeaContent content(String title) {
		return new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động cho vườn rau của đoàn viên.",
				"Mùa khô, các hộ trồng rau ở xã phải tưới tay hai lần mỗi ngày, tốn công và nước.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ; khi đất khô thì van mở, đủ ẩm thì đóng.",
				"Chi phí dưới 500.000 đồng mỗi vườn, thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING, Benefit.LOWER_COST), null, "Các xã thuần nông của huyện Triệu Sơn",
				"Mùa khô, từ tháng 3 đến tháng 7", "Có điện lưới và nguồn nước giếng khoan", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
	}

	static SaveIdea save(long unitId, String title) {
		return new SaveIdea(unitId, content(title), List.of(new AuthorRef(null, "Nguyễn Văn An")));
	}

	static TakeStep step(IdeaStep step, long version) {
		return new TakeStep(step, version, "Nhận xét của người xử lý", "Thôn 1, xã Thọ Dân", LocalDate.now().minusDays(30),
				"Giảm 40% công tưới, tiết kiệm 30% nước");
	}
}
