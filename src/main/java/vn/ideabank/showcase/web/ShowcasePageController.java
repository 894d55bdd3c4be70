package vn.ideabank.showcase.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.web.util.UriComponentsBuilder;

import vn.ideabank.common.web.PublicLinks;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeShowcase;
import vn.ideabank.programme.ProgrammeViews.PublicClub;
import vn.ideabank.showcase.PublishedContests;

/**
 * The public showcase, for everyone without signing in. Only public data reaches these pages:
 * totals (counts only), applied or recognised ideas whose authors did not opt out (title, unit and field),
 * active clubs (name, host, kind, founding year, number of activities) and the awarded entries of contests
 * whose results are published; never a person's contacts, an internal note, a draft or an opted-out title.
 */
@Controller
class ShowcasePageController {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int FEATURED = 6;

	/** Contests per page of the winners list (each with its awarded entries). */
	private static final int CONTESTS_PER_PAGE = 5;

	private final IdeaService ideas;

	private final UnitService units;

	private final ProgrammeShowcase programme;

	private final ContestService contests;

	private final PublishedContests published;

	private final MessageSource messages;

	private final PublicLinks links;

	ShowcasePageController(IdeaService ideas, UnitService units, ProgrammeShowcase programme, ContestService contests,
			PublishedContests published, MessageSource messages, PublicLinks links) {
		this.links = links;
		this.ideas = ideas;
		this.units = units;
		this.programme = programme;
		this.contests = contests;
		this.published = published;
		this.messages = messages;
	}

	/** A contest with its awarded entries as the public sees them. */
	record ContestWinners(ContestView contest, List<Winner> winners) {
	}

	/** An awarded entry; the idea's title, code and authors only when the idea itself is public. */
	record Winner(NominationView entry, boolean ideaPublic) {
	}

	@GetMapping("/public")
	String home(Model model, java.util.Locale locale) {
		int year = Year.now(VIETNAM).getValue();
		model.addAttribute("totals", ideas.publicTotals(year));
		model.addAttribute("contestCount", published.count(year));
		model.addAttribute("clubCount", programme.activeClubCount());
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

	@GetMapping("/public/clubs")
	String clubs(@RequestParam(required = false) Integer page, Model model, java.util.Locale locale) {
		Page<PublicClub> result = programme.activeClubs(PageSizes.of(page, null, Sort.unsorted()));
		model.addAttribute("clubs", Pager.of(result));
		model.addAttribute("units", units.findAll(result.getContent().stream().map(PublicClub::unitId).distinct().toList()));
		model.addAttribute("og", openGraph("showcase.clubs.title", "showcase.clubs.description", "/public/clubs", locale));
		return "showcase/clubs";
	}

	@GetMapping("/public/winners")
	String winners(@RequestParam(required = false) Integer page, Model model, java.util.Locale locale) {
		Page<ContestWinners> result = published.ids(PageSizes.of(page, CONTESTS_PER_PAGE, Sort.unsorted()))
			.map(id -> new ContestWinners(contests.publicContest(id),
					contests.publicResults(id).stream().map(e -> new Winner(e, ideaPublic(e.ideaCode()))).toList()));
		model.addAttribute("contests", Pager.of(result));
		model.addAttribute("og", openGraph("showcase.winners.title", "showcase.winners.description", "/public/winners", locale));
		return "showcase/winners";
	}

	/** Whether the idea's own public page exists (its authors did not opt out). */
	private boolean ideaPublic(String code) {
		try {
			ideas.publicGet(code);
			return true;
		}
		catch (NotFoundException e) {
			return false;
		}
	}

	/** A QR code of one of the public pages (nothing else: the code cannot be made to point elsewhere). */
	@GetMapping(value = "/public/qr.svg")
	ResponseEntity<String> qr(@RequestParam String path) {
		if (!isPublicPath(path)) {
			return ResponseEntity.badRequest().build();
		}
		String url = links.absolute(path);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
			.body(QrCodes.svg(url, 240));
	}

	static boolean isPublicPath(String path) {
		return path.length() <= 300 && (path.equals("/public") || path.startsWith("/public/")) && !path.contains("//")
				&& !path.contains("\\") && !path.contains("..") && path.chars().allMatch(c -> c > 32 && c < 127);
	}

	private OpenGraph openGraph(String titleKey, String descriptionKey, String path, java.util.Locale locale) {
		String base = links.base();
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
