package vn.ideabank.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: language links that keep the page and its filters. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("langUrlVi")
	String vietnamese() {
		return CurrentUrl.with("lang", "vi");
	}

	@ModelAttribute("langUrlEn")
	String english() {
		return CurrentUrl.with("lang", "en");
	}
}
