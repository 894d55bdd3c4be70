package vn.ideabank.common.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import vn.ideabank.common.text.TextNormalizer;

/**
 * Every string bound from a form field, query parameter or path variable is normalised before a
 * controller sees it; blank optional fields become {@code null}. JSON bodies get the same through
 * {@link JsonTextNormalization}.
 */
@ControllerAdvice
class TextNormalizingAdvice {

	@InitBinder
	void normalizeStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(TextNormalizer.normalizeToNull(text));
			}
		});
	}
}
