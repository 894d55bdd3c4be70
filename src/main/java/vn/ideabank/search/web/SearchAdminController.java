package vn.ideabank.search.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.search.SearchAdmin;

/** Index status and rebuild for administrators (/admin/** is for ADMIN only). */
@Controller
class SearchAdminController {

	private final SearchAdmin admin;

	private final CurrentCaller callers;

	SearchAdminController(SearchAdmin admin, CurrentCaller callers) {
		this.admin = admin;
		this.callers = callers;
	}

	@GetMapping("/admin/search")
	String page(Model model) {
		model.addAttribute("status", admin.status(callers.get()));
		model.addAttribute("nodes", admin.nodes(callers.get()));
		return "search/admin";
	}

	/** The status block alone, polled by htmx every second while a rebuild runs. */
	@GetMapping("/admin/search/status")
	String status(Model model) {
		model.addAttribute("status", admin.status(callers.get()));
		return "search/admin :: status";
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild(Model model) {
		boolean started = admin.rebuild(callers.get());
		model.addAttribute("status", admin.status(callers.get()));
		model.addAttribute("nodes", admin.nodes(callers.get()));
		model.addAttribute("notice", started ? "search.admin.rebuildStarted" : "search.admin.rebuildRunning");
		return "search/admin";
	}
}
