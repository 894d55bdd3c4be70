package vn.ideabank.review;

import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

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
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** Units and ideas under review for the evaluation tests. */
public final class ReviewTestData {

	private ReviewTestData() {
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	public static UnitView unit(UnitService units, Caller admin, long parentId) {
		String code = unique("RV");
		return units.create(admin, new CreateUnit(parentId, code, "Đơn vị thẩm định " + code, "Đoàn cơ sở", UnitKind.OTHER, 10));
	}

	public static IdeaView draft(IdeaService ideas, Caller author, long unitId, String title, SectorField field) {
		return ideas.create(author, new SaveIdea(unitId, new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động.", "Mùa khô phải tưới tay hai lần mỗi ngày.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ.", "Chi phí thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING), null, "Các xã thuần nông", "Mùa khô", "Có điện lưới",
				ApplicationArea.PRODUCTION, field, TargetGroup.RURAL_YOUTH, null, false),
				List.of(new AuthorRef(null, "Nguyễn Văn Tác Giả"))));
	}

	/** Takes the idea through submit, endorse and start of review. */
	public static IdeaView underReview(IdeaService ideas, IdeaView idea, Caller submitter, Caller endorser, Caller office) {
		idea = ideas.step(submitter, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		idea = ideas.step(endorser, idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		return ideas.step(office, idea.id(), TakeStep.of(IdeaStep.START_REVIEW, idea.version(), null));
	}
}
