package vn.ideabank.idea.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.org.UnitReferences;

/**
 * The idea list's unit filter ({@code ?unit=}) comes from the unit picker, so it may be a unit's code ("TS-THODAN",
 * any case) as well as its number: the code is turned into the number while binding, so the list, its export and
 * the bulk form keep working with ids. A code naming no unit in the caller's scope is a binding error on "unit".
 */
@ControllerAdvice(assignableTypes = { IdeaListPageController.class, IdeaPageController.class, IdeaBulkPageController.class })
class UnitFilterBinding {

	private final UnitReferences units;

	private final CurrentCaller callers;

	UnitFilterBinding(UnitReferences units, CurrentCaller callers) {
		this.units = units;
		this.callers = callers;
	}

	/** The list forms' model attributes: the list and export ("filter") and the bulk form ("bulk"). */
	@InitBinder({ "filter", "bulk" })
	void unitByCode(WebDataBinder binder) {
		binder.registerCustomEditor(Long.class, "unit", new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				String typed = text == null ? "" : text.strip();
				if (typed.isEmpty()) {
					setValue(null);
				}
				else if (typed.matches("[0-9]{1,18}")) {
					setValue(Long.valueOf(typed));
				}
				else {
					setValue(units.find(callers.get(), typed).map(u -> u.id())
						.orElseThrow(() -> new IllegalArgumentException("unknown unit " + typed)));
				}
			}
		});
	}
}
