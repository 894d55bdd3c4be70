package vn.ideabank.common.web;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way page forms are submitted: done, refused (422, on the field), stale (409), typed text kept. */
class PageFormsTests {

	/** A form as a page posts it. */
	public static class NameForm {

		private String name;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}
	}

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final NameForm form = new NameForm();

	private final BindingResult result = new BeanPropertyBindingResult(form, "form");

	@BeforeEach
	void inARequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(), response));
		form.setName("Tên đã gõ");
	}

	@AfterEach
	void done() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aSavedFormRedirectsWithTheNotice() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		String view = PageForms.submit(result, redirect, "x.saved", () -> "/things/1", () -> "form");
		assertThat(view).isEqualTo("redirect:/things/1");
		assertThat(redirect.getFlashAttributes().get("notice")).isEqualTo("x.saved");
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aRefusalIsPutOnItsFieldWith422AndTheTypedTextStays() {
		String view = PageForms.submit(result, () -> {
			throw new BusinessException("name", "x.error.name");
		}, () -> "form");
		assertThat(view).isEqualTo("form");
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(result.getFieldError("name").getCode()).isEqualTo("x.error.name");
		assertThat(result.getFieldValue("name")).isEqualTo("Tên đã gõ");
	}

	@Test
	void aRefusalNamingAFieldTheFormDoesNotHaveGoesOnTheFormAsAWhole() {
		PageForms.submit(result, () -> {
			throw new BusinessException("file", "upload.error.empty");
		}, () -> "form");
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(result.getGlobalError().getCode()).isEqualTo("upload.error.empty");
	}

	@Test
	void aStaleFormIsShownAgainWith409AndSaysSomeoneElseChangedIt() {
		String view = PageForms.submit(result, () -> {
			throw new ObjectOptimisticLockingFailureException("thing", 1L);
		}, () -> "form");
		assertThat(view).isEqualTo("form");
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(result.getGlobalError().getCode()).isEqualTo("error.conflict");
		assertThat(result.getFieldValue("name")).isEqualTo("Tên đã gõ");
	}

	@Test
	void anInvalidFormNeverReachesTheCommand() {
		result.rejectValue("name", "Size");
		AtomicBoolean ran = new AtomicBoolean();
		String view = PageForms.submit(result, () -> {
			ran.set(true);
			return "redirect:/";
		}, () -> "form");
		assertThat(view).isEqualTo("form");
		assertThat(ran).isFalse();
	}

	@Test
	void accessRefusalsAreNotFormErrors() {
		assertThatThrownBy(() -> PageForms.submit(result, () -> {
			throw new ForbiddenException();
		}, () -> "form")).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> PageForms.attempt(() -> {
			throw new ForbiddenException();
		}, e -> "page")).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aRefusedButtonShowsThePageAgainWith422() {
		String view = PageForms.attempt(() -> {
			throw new BusinessException("x.error.closed");
		}, e -> "page:" + e.messageKey());
		assertThat(view).isEqualTo("page:x.error.closed");
		assertThat(response.getStatus()).isEqualTo(422);
	}

	@Test
	void aButtonThatRedirectsCarriesTheRefusalOrTheConflictAsTheProblem() {
		RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
		assertThat(PageForms.act(refused, "/units/1", "x.done", () -> {
			throw new BusinessException("x.error.busy");
		})).isEqualTo("redirect:/units/1");
		assertThat(refused.getFlashAttributes().get("problem")).isEqualTo("x.error.busy");
		assertThat(refused.getFlashAttributes()).doesNotContainKey("notice");
		RedirectAttributesModelMap stale = new RedirectAttributesModelMap();
		PageForms.act(stale, "/units/1", "x.done", () -> {
			throw new ObjectOptimisticLockingFailureException("unit", 1L);
		});
		assertThat(stale.getFlashAttributes().get("problem")).isEqualTo("error.conflict");
		RedirectAttributesModelMap done = new RedirectAttributesModelMap();
		PageForms.act(done, "/units/1", "x.done", () -> {
		});
		assertThat(done.getFlashAttributes().get("notice")).isEqualTo("x.done");
	}
}
