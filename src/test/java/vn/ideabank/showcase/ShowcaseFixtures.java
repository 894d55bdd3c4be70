package vn.ideabank.showcase;

import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** Ideas for the showcase tests, entered and moved by the district office. */
public final class ShowcaseFixtures {

	private ShowcaseFixtures() {
	}

	public static IdeaView draft(IdeaService ideas, Caller office, long unitId, String title, boolean optOut) {
		return ideas.create(office, new SaveIdea(unitId, content(title, optOut), List.of(new AuthorRef(null, "Lê Thị Hoa"))));
	}

	public static IdeaView applied(IdeaService ideas, Caller office, long unitId, String title, boolean optOut) {
		IdeaView idea = draft(ideas, office, unitId, title, optOut);
		for (IdeaStep step : List.of(IdeaStep.SUBMIT, IdeaStep.ENDORSE, IdeaStep.START_REVIEW, IdeaStep.ACCEPT)) {
			idea = ideas.step(office, idea.id(), TakeStep.of(step, idea.version(), null));
		}
		return ideas.step(office, idea.id(), new TakeStep(IdeaStep.MARK_APPLIED, idea.version(), null,
				"Thôn 3, xã Thọ Dân", LocalDate.now().minusDays(10), "Giảm một nửa công tưới"));
	}

	static IdeaContent content(String title, boolean optOut) {
		return new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động cho vườn rau của đoàn viên.",
				"Mùa khô, các hộ trồng rau ở xã phải tưới tay hai lần mỗi ngày, tốn công và nước.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ; khi đất khô thì van mở, đủ ẩm thì đóng.",
				"Chi phí dưới 500.000 đồng mỗi vườn, thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING, Benefit.LOWER_COST), null, "Các xã thuần nông của huyện Triệu Sơn",
				"Mùa khô, từ tháng 3 đến tháng 7", "Có điện lưới và nguồn nước giếng khoan", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, optOut);
	}
}
