package vn.ideabank.programme.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.PagedResponse;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;
import vn.ideabank.programme.ClubService;
import vn.ideabank.programme.FundService;
import vn.ideabank.programme.IpRegistrationService;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.AwardView;
import vn.ideabank.programme.ProgrammeViews.ClubDetails;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.FundDetails;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.IpView;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.ProgrammeViews.SupportView;
import vn.ideabank.programme.StartupService;
import vn.ideabank.programme.web.ProgrammeApiBodies.AwardBody;
import vn.ideabank.programme.web.ProgrammeApiBodies.IpBody;
import vn.ideabank.programme.web.ProgrammeApiBodies.StartupBody;

/** The programme lists and the main commands over the API, limited to the caller's subtrees. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Programmes", description = "Startup projects, IP registrations, clubs, funds and scholarships")
class ProgrammeApiController {

	private final StartupService startups;

	private final ClubService clubs;

	private final FundService funds;

	private final IpRegistrationService registrations;

	private final CurrentCaller callers;

	private final ProgrammePages pages;

	ProgrammeApiController(StartupService startups, ClubService clubs, FundService funds,
			IpRegistrationService registrations, CurrentCaller callers, ProgrammePages pages) {
		this.pages = pages;
		this.startups = startups;
		this.clubs = clubs;
		this.funds = funds;
		this.registrations = registrations;
		this.callers = callers;
	}

	@GetMapping("/startups")
	@Operation(summary = "Startup projects the caller sees; q matches the name")
	PagedResponse<StartupView> startups(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(startups.startups(callers.get(), new Filter(unit, q), PageSizes.of(page, size, Sort.unsorted())));
	}

	@GetMapping("/startups/{id}")
	StartupDetails startup(@PathVariable long id) {
		return startups.startup(callers.get(), id);
	}

	@PostMapping("/startups")
	@Operation(summary = "Record a startup project; relatedIdeas names the ideas it grew from by their code "
			+ "(\"TS-2026-000001\") or number, each readable by the caller and of the startup's unit or below "
			+ "(otherwise 422 with errors.relatedIdeas)")
	ResponseEntity<StartupView> createStartup(@RequestBody StartupBody body) {
		Caller caller = callers.get();
		List<Long> ideas = body.relatedIdeas() == null ? List.of()
				: body.relatedIdeas().stream().map(ref -> pages.ideaOf(caller, ref, "relatedIdeas"))
					.filter(Objects::nonNull).distinct().toList();
		StartupView created = startups.createStartup(caller, body.command(ideas));
		return ResponseEntity.created(URI.create("/api/v1/startups/" + created.id())).body(created);
	}

	@PostMapping("/startups/{id}/supports")
	@Operation(summary = "Record a support given to a startup (amount in whole dong, not negative)")
	ResponseEntity<SupportView> addSupport(@PathVariable long id, @RequestBody AddSupport command) {
		SupportView created = startups.addSupport(callers.get(), id, command);
		return ResponseEntity.created(URI.create("/api/v1/startups/" + id)).body(created);
	}

	@GetMapping("/clubs")
	@Operation(summary = "Clubs the caller sees; q matches the name")
	PagedResponse<ClubView> clubs(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(clubs.clubs(callers.get(), new Filter(unit, q), PageSizes.of(page, size, Sort.unsorted())));
	}

	@GetMapping("/clubs/{id}")
	ClubDetails club(@PathVariable long id) {
		return clubs.club(callers.get(), id);
	}

	@GetMapping("/funds")
	@Operation(summary = "Funds and scholarships the caller sees, with the number and total of their awards; q matches the name")
	PagedResponse<FundView> funds(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(funds.funds(callers.get(), new Filter(unit, q), PageSizes.of(page, size, Sort.unsorted())));
	}

	@GetMapping("/funds/{id}")
	FundDetails fund(@PathVariable long id) {
		return funds.fund(callers.get(), id);
	}

	@PostMapping("/funds/{id}/awards")
	@Operation(summary = "Record an award: to one of a roster member, a person by name or a unit of the programme's subtree; "
			+ "amount in whole dong, not negative; dated in the programme's year; ideaId is the idea's code "
			+ "(\"TS-2026-000001\") or number")
	ResponseEntity<AwardView> grantAward(@PathVariable long id, @RequestBody AwardBody body) {
		Caller caller = callers.get();
		AwardView created = funds.grantAward(caller, id, body.command(pages.ideaOf(caller, body.ideaId(), "ideaId")));
		return ResponseEntity.created(URI.create("/api/v1/funds/" + id)).body(created);
	}

	@GetMapping("/ip-registrations")
	@Operation(summary = "IP registrations the caller sees; q matches the title or the application number")
	PagedResponse<IpView> registrations(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(registrations.registrations(callers.get(), new Filter(unit, q),
				PageSizes.of(page, size, Sort.unsorted())));
	}

	@GetMapping("/ip-registrations/{id}")
	IpDetails registration(@PathVariable long id) {
		return registrations.registration(callers.get(), id);
	}

	@PostMapping("/ip-registrations")
	@Operation(summary = "Record an IP registration (application number in the IP office format of its type); "
			+ "ideaId is the idea's code (\"TS-2026-000001\") or number")
	ResponseEntity<IpView> create(@RequestBody IpBody body) {
		Caller caller = callers.get();
		IpView created = registrations.createRegistration(caller, body.command(pages.ideaOf(caller, body.ideaId(), "ideaId")));
		return ResponseEntity.created(URI.create("/api/v1/ip-registrations/" + created.id())).body(created);
	}

	@PostMapping("/ip-registrations/{id}/status")
	@Operation(summary = "Move a registration to its next status; send the version you read (409 if it changed since)")
	IpView changeStatus(@PathVariable long id, @RequestParam long version, @RequestBody ChangeIpStatus command) {
		return registrations.changeStatus(callers.get(), id, command, version);
	}
}
