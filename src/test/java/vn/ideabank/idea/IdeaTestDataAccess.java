package vn.ideabank.idea;

import vn.ideabank.idea.IdeaCommands.SaveIdea;

/** Opens {@link IdeaTestData} to tests in other packages (web). */
public final class IdeaTestDataAccess {

	private IdeaTestDataAccess() {
	}

	public static SaveIdea save(long unitId, String title) {
		return IdeaTestData.save(unitId, title);
	}
}
