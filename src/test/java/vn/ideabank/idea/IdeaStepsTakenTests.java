package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk step's batch event says what one {@link IdeaStatusChanged} per idea would, and survives the event
 * publication registry's JSON (an incomplete publication is read back and delivered again at start-up).
 */
class IdeaStepsTakenTests {

	private final IdeaStepsTaken batch = new IdeaStepsTaken(IdeaStep.REQUEST_REVISION, 7, "Thiếu số liệu", List.of(
			new IdeaStepsTaken.Change(1, "TS-2026-000001", 10, IdeaStatus.SUBMITTED, IdeaStatus.NEEDS_REVISION, "Một"),
			new IdeaStepsTaken.Change(2, "TS-2026-000002", 11, IdeaStatus.SUBMITTED, IdeaStatus.NEEDS_REVISION, "Hai")));

	@Test
	void eachIdeaOfTheBatchReadsAsTheEventOfOneStep() {
		assertThat(batch.each()).containsExactly(
				new IdeaStatusChanged(1, "TS-2026-000001", 10, IdeaStep.REQUEST_REVISION, IdeaStatus.SUBMITTED,
						IdeaStatus.NEEDS_REVISION, 7, "Một", "Thiếu số liệu"),
				new IdeaStatusChanged(2, "TS-2026-000002", 11, IdeaStep.REQUEST_REVISION, IdeaStatus.SUBMITTED,
						IdeaStatus.NEEDS_REVISION, 7, "Hai", "Thiếu số liệu"));
	}

	@Test
	void theBatchSurvivesARoundTripThroughJson() {
		JsonMapper json = JsonMapper.builder().build();
		String text = json.writeValueAsString(batch);
		assertThat(text).doesNotContain("\"each\"");
		assertThat(json.readValue(text, IdeaStepsTaken.class)).isEqualTo(batch);
	}
}
