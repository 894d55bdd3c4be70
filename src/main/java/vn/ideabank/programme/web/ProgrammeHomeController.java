package vn.ideabank.programme.web;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.programme.IpRegistrationService;

/**
 * The hub of the "Chương trình" menu: the IP deadlines coming up. The lists, records and forms have a controller
 * each: {@link StartupPageController}, {@link ClubPageController}, {@link FundPageController},
 * {@link IpPageController}.
 */
@Controller
class ProgrammeHomeController {

	private static final int UPCOMING_DAYS = 30;

	private final IpRegistrationService registrations;

	private final CurrentCaller callers;

	ProgrammeHomeController(IpRegistrationService registrations, CurrentCaller callers) {
		this.registrations = registrations;
		this.callers = callers;
	}

	@GetMapping("/programme")
	String home(Model model) {
		LocalDate today = LocalDate.now();
		model.addAttribute("deadlines", registrations.upcomingDeadlines(callers.get(), today.plusDays(UPCOMING_DAYS), 50));
		model.addAttribute("today", today);
		model.addAttribute("days", UPCOMING_DAYS);
		return "programme/home";
	}
}
