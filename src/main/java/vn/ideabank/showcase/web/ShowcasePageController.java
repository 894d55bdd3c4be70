package vn.ideabank.showcase.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The public showcase, for everyone without signing in. Only public data reaches these pages:
 * totals (counts only), and applied or recognised ideas whose authors did not opt out, shown by
 * title, unit and field; never a person's contacts, an internal note or a draft.
 */
@Controller
class ShowcasePageController {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int FEATURED = 6;

	private final IdeaService ideas;

	private final UnitService units;

	private final MessageSource messages;

	ShowcasePageController(IdeaService ideas, UnitService units, MessageSource messages) {
		this.ideas = ideas;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/public")
	String home(Model model, java.util.Locale locale) {
		int year = Year.now(VIETNAM).getValue();
		model.addAttribute("totals", ideas.publicTotals(year));
		Page<IdeaSummary> featured = ideas.publicApplied(PageSizes.of(0, FEATURED, newestFirst()));
		model.addAttribute("featured", featured.getContent());
		model.addAttribute("units", unitsOf(featured));
		model.addAttribute("og", openGraph("showcase.home.title", "showcase.home.description", "/public", locale));
		return "showcase/home";
	}

	@GetMapping("/public/models")
	String models(@RequestParam(required = false) Integer page, Model model, java.util.Locale locale) {
		Page<IdeaSummary> result = ideas.publicApplied(PageSizes.of(page, null, newestFirst()));
		model.addAttribute("models", Pager.of(result));
		model.addAttribute("units", unitsOf(result));
		model.addAttribute("og", openGraph("showcase.models.title", "showcase.models.description", "/public/models", locale));
		return "showcase/models";
	}

	/** A QR code of one of the public pages (nothing else: the code cannot be made to point elsewhere). */
	@GetMapping(value = "/public/qr.svg")
	ResponseEntity<String> qr(@RequestParam String path) {
		if (!isPublicPath(path)) {
			return ResponseEntity.badRequest().build();
		}
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
			.body(QrCodes.svg(url, 240));
	}

	static boolean isPublicPath(String path) {
		return path.length() <= 300 && (path.equals("/public") || path.startsWith("/public/")) && !path.contains("//")
				&& !path.contains("\\") && !path.contains("..") && path.chars().allMatch(c -> c > 32 && c < 127);
	}

	private OpenGraph openGraph(String titleKey, String descriptionKey, String path, java.util.Locale locale) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String qr = UriComponentsBuilder.fromPath("/public/qr.svg").queryParam("path", path).build().toUriString();
		return new OpenGraph(messages.getMessage(titleKey, null, locale), messages.getMessage(descriptionKey, null, locale),
				base + path, base + "/img/og-default.png", qr);
	}

	private Map<Long, UnitView> unitsOf(Page<IdeaSummary> page) {
		return units.findAll(page.getContent().stream().map(IdeaSummary::unitId).distinct().toList());
	}

	private static Sort newestFirst() {
		return Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by(Sort.Direction.DESC, "id"));
	}
}
