package vn.ideabank.initiative.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.initiative.InitiativeCommands.ConfirmPriority;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.FileApplication;
import vn.ideabank.initiative.InitiativeCommands.RecordBenefit;
import vn.ideabank.initiative.InitiativeCommands.RecordMeeting;
import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.Return;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeDocuments;
import vn.ideabank.initiative.InitiativeExports;
import vn.ideabank.initiative.InitiativeMeeting;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeService.RegisterFilter;
import vn.ideabank.initiative.InitiativeSettings;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.BenefitView;
import vn.ideabank.initiative.InitiativeViews.Meeting;
import vn.ideabank.initiative.InitiativeViews.PriorityCandidate;
import vn.ideabank.initiative.InitiativeViews.RegisterRow;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.initiative.InitiativeViews.UnitSetting;

@RestController
@RequestMapping("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "Recognition of initiatives (Nghị định 13/2012/NĐ-CP): applications, the intake register, decisions, documents")
class InitiativeApiController {

	private final InitiativeService applications;

	private final InitiativeProcedure procedure;

	private final InitiativeDocuments documents;

	private final InitiativeExports exports;

	private final InitiativeMeeting meetings;

	private final InitiativeSettings settings;

	private final CurrentCaller callers;

	InitiativeApiController(InitiativeService applications, InitiativeProcedure procedure, InitiativeDocuments documents,
			InitiativeExports exports, InitiativeMeeting meetings, InitiativeSettings settings, CurrentCaller callers) {
		this.applications = applications;
		this.procedure = procedure;
		this.documents = documents;
		this.exports = exports;
		this.meetings = meetings;
		this.settings = settings;
		this.callers = callers;
	}

	@GetMapping("/settings")
	@Operation(summary = "An office's settings of the procedure: whether it records the authors' remuneration")
	UnitSetting setting(@RequestParam long unitId) {
		return settings.of(callers.get(), unitId);
	}

	@PutMapping("/settings")
	@Operation(summary = "Turn the remuneration part on or off for an office (its office or an administrator)")
	UnitSetting setRemuneration(@Valid @RequestBody SetRemuneration command) {
		return settings.setRemuneration(callers.get(), command);
	}

	@GetMapping
	@Operation(summary = "The intake register of the caller's units and the applications the caller filed (no description text)")
	List<RegisterRow> register(@RequestParam(required = false) Status status, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		int s = size == null ? 20 : Math.max(1, Math.min(size, 200));
		int p = page == null ? 0 : Math.max(0, Math.min(page, 10_000));
		return applications.register(callers.get(), new RegisterFilter(status, year, unitId), p, s);
	}

	@GetMapping("/register.xlsx")
	@Operation(summary = "The intake register as .xlsx, with the same filters")
	void registerXlsx(@RequestParam(required = false) Status status, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long unitId, HttpServletResponse response) throws IOException {
		var caller = callers.get();
		StreamedDownload.send(response, "so-tiep-nhan-sang-kien.xlsx", StreamedDownload.XLSX,
				out -> exports.register(caller, new RegisterFilter(status, year, unitId), out));
	}

	@PostMapping
	@Operation(summary = "File an application for recognition (Phụ lục I, TT 18/2013) for an idea of kind INITIATIVE or SOLUTION")
	ResponseEntity<ApplicationView> file(@Valid @RequestBody FileApplication command) {
		ApplicationView created = applications.file(callers.get(), command);
		return ResponseEntity.created(URI.create("/api/v1/initiatives/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An application; confidential parts the caller may not read are null and listed in 'withheld'")
	ApplicationView get(@PathVariable long id) {
		return applications.get(callers.get(), id);
	}

	@GetMapping("/{id}/confidential")
	@Operation(summary = "The whole application with its confidential parts: authors and council members only (403 otherwise)")
	ApplicationView confidential(@PathVariable long id) {
		return applications.confidential(callers.get(), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "The application completed after a return, filed again")
	ApplicationView complete(@PathVariable long id, @RequestParam long version, @Valid @RequestBody FileApplication command) {
		return applications.complete(callers.get(), id, command, version);
	}

	@PostMapping("/{id}/register")
	@Operation(summary = "Take a filed application into the register: number, receipt, decision clock")
	ApplicationView intake(@PathVariable long id, @Valid @RequestBody Register command) {
		return procedure.register(callers.get(), id, command);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return the application for completion with reasons (the clock stops)")
	ApplicationView giveBack(@PathVariable long id, @Valid @RequestBody Return command) {
		return procedure.returnForCompletion(callers.get(), id, command);
	}

	@PostMapping("/{id}/council")
	@Operation(summary = "Send the initiative's idea to an evaluation council")
	ApplicationView council(@PathVariable long id, @Valid @RequestBody SendToCouncil command) {
		return procedure.sendToCouncil(callers.get(), id, command);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Recognise (number, reach) or refuse (reasons) after the council voted")
	ApplicationView decide(@PathVariable long id, @Valid @RequestBody Decide command) {
		return procedure.decide(callers.get(), id, command);
	}

	@PostMapping("/{id}/priority")
	@Operation(summary = "Confirm that an earlier filing describes the same solution: this one is flagged as later")
	ApplicationView priority(@PathVariable long id, @Valid @RequestBody ConfirmPriority command) {
		return procedure.confirmPriority(callers.get(), id, command);
	}

	@GetMapping("/{id}/priority-candidates")
	@Operation(summary = "Earlier applications the office may confirm as the same solution (similar-ideas score at or above the configured level)")
	List<PriorityCandidate> priorityCandidates(@PathVariable long id) {
		return procedure.priorityCandidates(callers.get(), id);
	}

	@GetMapping("/{id}/meeting")
	@Operation(summary = "The council's members and who was present at its meeting on the application (by default: those who scored)")
	Meeting meeting(@PathVariable long id) {
		return meetings.meeting(callers.get(), id);
	}

	@PutMapping("/{id}/meeting")
	@Operation(summary = "Record who was present at the council's meeting (account ids of members), the chair and the secretary; printed in the minutes")
	Meeting recordMeeting(@PathVariable long id, @Valid @RequestBody RecordMeeting command) {
		return meetings.record(callers.get(), id, command);
	}

	@GetMapping("/{id}/benefits")
	@Operation(summary = "Yearly gain of the first three years and the remuneration owed (422 when the office has not turned remuneration on)")
	List<BenefitView> benefits(@PathVariable long id) {
		return applications.benefits(callers.get(), id);
	}

	@PostMapping("/{id}/benefits")
	@Operation(summary = "Record a year's gain or transfer price of a recognised initiative")
	List<BenefitView> recordBenefit(@PathVariable long id, @Valid @RequestBody RecordBenefit command) {
		return applications.recordBenefit(callers.get(), id, command);
	}

	@GetMapping("/{id}/benefits.xlsx")
	@Operation(summary = "The remuneration lines as .xlsx")
	void benefitsXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		var caller = callers.get();
		StreamedDownload.send(response, "thu-lao-sang-kien.xlsx", StreamedDownload.XLSX, out -> exports.benefits(caller, id, out));
	}

	@GetMapping("/{id}/document.docx")
	@Operation(summary = "A paper as .docx: kind RECEIPT, MINUTES, DECISION (the refusal when refused) or CERTIFICATE (author = the co-author's position)")
	void docx(@PathVariable long id, @RequestParam InitiativeDocuments.Kind kind,
			@RequestParam(required = false) Integer author, HttpServletResponse response) throws IOException {
		send(id, kind, author, false, response);
	}

	@GetMapping("/{id}/document.pdf")
	@Operation(summary = "A paper as .pdf (same kinds)")
	void pdf(@PathVariable long id, @RequestParam InitiativeDocuments.Kind kind,
			@RequestParam(required = false) Integer author, HttpServletResponse response) throws IOException {
		send(id, kind, author, true, response);
	}

	private void send(long id, InitiativeDocuments.Kind kind, Integer author, boolean pdf, HttpServletResponse response)
			throws IOException {
		var caller = callers.get();
		// the whole paper first: a refusal is a problem response, never half a file
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		documents.write(caller, id, kind, author, pdf, bytes);
		StreamedDownload.send(response, documents.fileName(caller, id, kind, author) + (pdf ? ".pdf" : ".docx"),
				pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				bytes::writeTo);
	}
}
