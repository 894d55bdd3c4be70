package vn.ideabank.initiative.web;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.ideabank.common.security.Caller;
import vn.ideabank.initiative.InitiativeMeeting;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.Meeting;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.initiative.web.OfficeForms.DecisionForm;
import vn.ideabank.initiative.web.OfficeForms.MeetingForm;
import vn.ideabank.initiative.web.OfficeForms.PriorityForm;
import vn.ideabank.review.ReviewService;

/**
 * An application's page with the office's steps that apply to it now. A form posted back after a refusal is already
 * in the model (with its errors) and is shown as posted; the others start afresh.
 */
@Component
class ApplicationPage {

	static final String VIEW = "initiative/show";

	private final InitiativeService applications;

	private final InitiativeProcedure procedure;

	private final InitiativeMeeting meetings;

	private final ReviewService reviews;

	ApplicationPage(InitiativeService applications, InitiativeProcedure procedure, InitiativeMeeting meetings,
			ReviewService reviews) {
		this.applications = applications;
		this.procedure = procedure;
		this.meetings = meetings;
		this.reviews = reviews;
	}

	String show(Caller caller, long id, Model model) {
		ApplicationView a = applications.get(caller, id);
		boolean office = applications.manages(caller, id);
		LocalDate today = LocalDate.now();
		model.addAttribute("a", a);
		model.addAttribute("office", office);
		model.addAttribute("author", applications.isAuthor(caller, id));
		model.addAttribute("today", today);
		model.addAttribute("remuneration", a.status() == Status.RECOGNISED && applications.remunerationOn(caller, id));
		if (!office) {
			return VIEW;
		}
		if (a.status() == Status.ACCEPTED && a.councilId() == null) {
			model.addAttribute("councils", reviews.councils(caller, true, 0, 100).getContent());
		}
		if (a.status() == Status.ACCEPTED && a.councilId() != null) {
			Meeting meeting = meetings.meeting(caller, id);
			model.addAttribute("meetingView", meeting);
			if (!model.containsAttribute("meeting")) {
				model.addAttribute("meeting", MeetingForm.of(meeting));
			}
			if (!model.containsAttribute("decision")) {
				model.addAttribute("decision", DecisionForm.of(a.version(), today, meeting.vote()));
			}
		}
		if (a.earlierId() == null && a.status() == Status.ACCEPTED) {
			model.addAttribute("candidates", procedure.priorityCandidates(caller, id));
			model.addAttribute("sameSolutionPercent", Math.round(procedure.sameSolutionScore() * 100));
			if (!model.containsAttribute("priority")) {
				model.addAttribute("priority", PriorityForm.of(a.version()));
			}
		}
		return VIEW;
	}
}
