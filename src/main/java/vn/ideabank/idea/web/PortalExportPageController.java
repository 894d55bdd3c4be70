package vn.ideabank.idea.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.common.web.Messages;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.PortalExport;

/** The list page's "export selected ideas for the national portal" buttons; refusals go back to the list. */
@Controller
class PortalExportPageController {

	private final IdeaService ideas;

	private final PortalExport portal;

	private final CurrentCaller callers;

	private final Messages messages;

	private final JsonMapper json;

	private final vn.ideabank.common.web.PublicLinks links;

	PortalExportPageController(IdeaService ideas, PortalExport portal, CurrentCaller callers, Messages messages,
			JsonMapper json, vn.ideabank.common.web.PublicLinks links) {
		this.links = links;
		this.ideas = ideas;
		this.portal = portal;
		this.callers = callers;
		this.messages = messages;
		this.json = json;
	}

	/** GET with the ids in the URL, or POST from the list's selection form (which also serves bulk steps). */
	@org.springframework.web.bind.annotation.RequestMapping(value = "/ideas/portal-export",
			method = { org.springframework.web.bind.annotation.RequestMethod.GET,
					org.springframework.web.bind.annotation.RequestMethod.POST })
	Object export(@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "csv") String format,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			if (ids == null || ids.isEmpty()) {
				throw new BusinessException("ids", "ideas.portalNoneSelected");
			}
			String base = links.base();
			var records = portal.records(ideas.forPortal(callers.get(), ids), base);
			boolean asJson = "json".equals(format);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"ideabank-portal." + (asJson ? "json" : "csv") + "\"")
				.contentType(asJson ? MediaType.APPLICATION_JSON : new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(asJson ? json.writeValueAsString(records) : portal.csv(records));
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("problemText", messages.get(FormErrors.noticeOf(e), e.args()));
			return "redirect:/ideas";
		}
	}
}
