package vn.ideabank.notification.web;

import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.notification.NotificationKind;
import vn.ideabank.notification.NotificationService;

/** The bell, the signed-in person's notifications and their e-mail choices. */
@Controller
@RequestMapping("/notifications")
class NotificationPageController {

	private final NotificationService notifications;

	private final CurrentCaller callers;

	NotificationPageController(NotificationService notifications, CurrentCaller callers) {
		this.notifications = notifications;
		this.callers = callers;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, Model model, Locale locale) {
		var result = notifications.list(callers.get(), PageSizes.of(page, null, Sort.unsorted()), locale);
		model.addAttribute("notifications", Pager.of(result));
		return "notification/list";
	}

	/** The unread count in the header, fetched by htmx when a page loads and then every so often. */
	@GetMapping("/bell")
	String bell(Model model) {
		model.addAttribute("unread", notifications.unreadCount(callers.get()));
		return "notification/bell :: count";
	}

	/** Marks the notification read and opens what it is about. */
	@PostMapping("/{id}/read")
	String read(@PathVariable long id) {
		String link = notifications.markRead(callers.get(), id);
		boolean local = link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
		return "redirect:" + (local ? link : "/notifications");
	}

	@PostMapping("/read-all")
	String readAll(RedirectAttributes redirect) {
		notifications.markAllRead(callers.get());
		redirect.addFlashAttribute("notice", "notification.allRead");
		return "redirect:/notifications";
	}

	@GetMapping("/preferences")
	String preferences(Model model) {
		model.addAttribute("preferences", notifications.preferences(callers.get()));
		model.addAttribute("dailyDigest", notifications.dailyDigest(callers.get()));
		return "notification/preferences";
	}

	@PostMapping("/preferences")
	String savePreferences(@RequestParam(name = "email", required = false) List<NotificationKind> email,
			@RequestParam(name = "dailyDigest", defaultValue = "false") boolean dailyDigest, RedirectAttributes redirect) {
		notifications.savePreferences(callers.get(), email == null ? List.of() : email);
		notifications.saveDailyDigest(callers.get(), dailyDigest);
		redirect.addFlashAttribute("notice", "notification.preferences.saved");
		return "redirect:/notifications/preferences";
	}
}
