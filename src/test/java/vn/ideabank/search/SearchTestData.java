package vn.ideabank.search;

import java.time.Year;
import java.util.EnumSet;
import java.util.List;

import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** Ideas with a chosen title and text, complete enough to submit. */
public final class SearchTestData {

	private SearchTestData() {
	}

	public static SaveIdea idea(long unitId, int year, String title, String text) {
		IdeaContent content = new IdeaContent(year, IdeaKind.IDEA, title, text, text, "Giải pháp: " + text,
				"Điểm mới: " + title, EnumSet.of(Benefit.SAVING), null, "Huyện Triệu Sơn", "Cả năm", "Không cần điều kiện đặc biệt",
				ApplicationArea.PRODUCTION, SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
		return new SaveIdea(unitId, content, List.of(new AuthorRef(null, "Lê Thị Hoa")));
	}

	public static SaveIdea idea(long unitId, String title, String text) {
		return idea(unitId, Year.now().getValue(), title, text);
	}
}
