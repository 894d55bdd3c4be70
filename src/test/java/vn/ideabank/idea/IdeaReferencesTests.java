package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.org.UnitService;

/** Naming an idea the way a person sees it: by its code (any case), or by its number for old clients. */
class IdeaReferencesTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaReferences references;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	private IdeaView submitted(String officer, String unitCode, String title) {
		Caller who = caller(officer);
		IdeaView idea = ideas.create(who, IdeaTestData.save(units.findByCode(unitCode).orElseThrow().id(), title));
		return ideas.step(who, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private BusinessException refusal(Caller caller, String typed) {
		try {
			references.resolve(caller, typed, "ideaId");
		}
		catch (BusinessException e) {
			return e;
		}
		throw new AssertionError("“" + typed + "” was not refused");
	}

	@Test
	void theVisibleCodeInAnyCaseAndTheOldNumberBothNameTheIdea() {
		Caller officer = caller("doan.thodan");
		IdeaView idea = submitted("doan.thodan", "TS-THODAN-T1", "Mã hiển thị " + RUN);

		assertThat(references.resolve(officer, idea.code(), "ideaId")).isEqualTo(idea.id());
		assertThat(references.resolve(officer, "  " + idea.code().toLowerCase() + " ", "ideaId")).isEqualTo(idea.id());
		assertThat(references.resolve(officer, String.valueOf(idea.id()), "ideaId")).isEqualTo(idea.id());
	}

	@Test
	void anUnknownCodeAndAnotherUnitsIdeaAreRefusedOnTheFieldWithTheSameMessage() {
		Caller officer = caller("doan.thodan");
		IdeaView elsewhere = submitted("doan.thotan", "TS-THOTAN", "Xã bên " + RUN);
		assertThat(ideas.findReadable(caller("doan.thotan"), elsewhere.code())).as("its own unit reads it").isPresent();

		BusinessException unknown = refusal(officer, "TS-1999-999999");
		assertThat(unknown.field()).isEqualTo("ideaId");
		assertThat(unknown.messageKey()).isEqualTo("idea.reference.unknown");
		assertThat(unknown.args()).containsExactly("TS-1999-999999");

		BusinessException outside = refusal(officer, elsewhere.code());
		assertThat(outside.field()).isEqualTo("ideaId");
		assertThat(outside.messageKey()).as("no existence leak").isEqualTo(unknown.messageKey());
		BusinessException outsideById = refusal(officer, String.valueOf(elsewhere.id()));
		assertThat(outsideById.messageKey()).isEqualTo(unknown.messageKey());

		assertThat(refusal(officer, "  ").messageKey()).isEqualTo("idea.reference.required");
		assertThat(refusal(officer, "TS-2026-'; drop").messageKey()).isEqualTo("idea.reference.unknown");
	}

	@Test
	void thePickerSuggestsByCodePrefixOrTitleWordsWithoutAccentsAndOnlyWithinTheCallersScope() {
		Caller officer = caller("doan.thodan");
		IdeaView mine = submitted("doan.thodan", "TS-THODAN-T1", "Máy sấy nông sản bằng năng lượng mặt trời " + RUN);
		IdeaView other = submitted("doan.thotan", "TS-THOTAN", "Máy sấy nông sản xã bên " + RUN);

		assertThat(references.pick(officer, "may say NANG luong " + RUN)).extracting(IdeaReferences.Pick::code)
			.containsExactly(mine.code());
		assertThat(references.pick(officer, mine.code().toLowerCase())).extracting(IdeaReferences.Pick::code)
			.containsExactly(mine.code());
		assertThat(references.pick(officer, "nông sản " + RUN)).extracting(IdeaReferences.Pick::code)
			.contains(mine.code()).doesNotContain(other.code());
		assertThat(references.pick(caller("doan.thotan"), "nong san " + RUN)).extracting(IdeaReferences.Pick::code)
			.containsExactly(other.code());
		assertThat(references.pick(officer, "")).hasSizeLessThanOrEqualTo(IdeaReferences.PICK_LIMIT);
	}
}
