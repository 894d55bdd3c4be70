package vn.ideabank.initiative.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.initiative.InitiativeCommands.CoAuthor;
import vn.ideabank.initiative.InitiativeCommands.FileApplication;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.AuthorView;
import vn.ideabank.initiative.InitiativeViews.Part;

/**
 * The application form (Phụ lục I): the idea by its code, the description parts with their confidential boxes, and
 * five co-author rows (blank rows are left out), so it works on a phone without script.
 */
class InitiativeForm {

	static final int AUTHOR_ROWS = 5;

	@Size(max = 40)
	String ideaId;

	@Size(max = 500)
	String investor;

	@Size(max = 1000)
	String fieldOfUse;

	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate firstAppliedOn;

	@Size(max = 10000)
	String knownSolution;

	@Size(max = 10000)
	String newContent;

	@Size(max = 10000)
	String applicability;

	@Size(max = 10000)
	String benefits;

	@Size(max = 4000)
	String trialParticipants;

	Set<Part> confidential = EnumSet.noneOf(Part.class);

	@Valid
	@Size(max = 20)
	List<AuthorRow> authors = new ArrayList<>();

	long version;

	InitiativeForm() {
		while (authors.size() < AUTHOR_ROWS) {
			authors.add(new AuthorRow());
		}
	}

	static InitiativeForm of(ApplicationView a) {
		InitiativeForm f = new InitiativeForm();
		f.ideaId = a.ideaCode();
		f.investor = a.investor();
		f.fieldOfUse = a.fieldOfUse();
		f.firstAppliedOn = a.firstAppliedOn();
		f.knownSolution = a.knownSolution();
		f.newContent = a.newContent();
		f.applicability = a.applicability();
		f.benefits = a.benefits();
		f.trialParticipants = a.trialParticipants();
		f.confidential = a.confidential().isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(a.confidential());
		f.version = a.version();
		for (AuthorView x : a.authors()) {
			if (x.position() <= f.authors.size()) {
				AuthorRow r = f.authors.get(x.position() - 1);
				r.fullName = x.fullName();
				r.birthDate = x.birthDate();
				r.workplace = x.workplace();
				r.jobTitle = x.jobTitle();
				r.qualification = x.qualification();
				r.contribution = x.contribution();
			}
		}
		return f;
	}

	FileApplication command(Long ideaId) {
		List<CoAuthor> rows = authors == null ? List.of() : authors.stream().filter(r -> r != null && !r.blank())
			.map(r -> new CoAuthor(r.fullName, r.birthDate, r.workplace, r.jobTitle, r.qualification, r.contribution)).toList();
		return new FileApplication(ideaId, investor, fieldOfUse, firstAppliedOn, knownSolution, newContent, applicability,
				benefits, trialParticipants, confidential, rows);
	}

	static class AuthorRow {

		@Size(max = 200)
		String fullName;

		@PastOrPresent
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate birthDate;

		@Size(max = 300)
		String workplace;

		@Size(max = 200)
		String jobTitle;

		@Size(max = 200)
		String qualification;

		@DecimalMin("0.01")
		@DecimalMax("100")
		@Digits(integer = 3, fraction = 2)
		BigDecimal contribution;

		boolean blank() {
			return (fullName == null || fullName.isBlank()) && contribution == null && birthDate == null
					&& workplace == null && jobTitle == null && qualification == null;
		}

		public String getFullName() { return fullName; }
		public void setFullName(String v) { fullName = v; }
		public LocalDate getBirthDate() { return birthDate; }
		public void setBirthDate(LocalDate v) { birthDate = v; }
		public String getWorkplace() { return workplace; }
		public void setWorkplace(String v) { workplace = v; }
		public String getJobTitle() { return jobTitle; }
		public void setJobTitle(String v) { jobTitle = v; }
		public String getQualification() { return qualification; }
		public void setQualification(String v) { qualification = v; }
		public BigDecimal getContribution() { return contribution; }
		public void setContribution(BigDecimal v) { contribution = v; }
	}

	public String getIdeaId() { return ideaId; }
	public void setIdeaId(String v) { ideaId = v; }
	public String getInvestor() { return investor; }
	public void setInvestor(String v) { investor = v; }
	public String getFieldOfUse() { return fieldOfUse; }
	public void setFieldOfUse(String v) { fieldOfUse = v; }
	public LocalDate getFirstAppliedOn() { return firstAppliedOn; }
	public void setFirstAppliedOn(LocalDate v) { firstAppliedOn = v; }
	public String getKnownSolution() { return knownSolution; }
	public void setKnownSolution(String v) { knownSolution = v; }
	public String getNewContent() { return newContent; }
	public void setNewContent(String v) { newContent = v; }
	public String getApplicability() { return applicability; }
	public void setApplicability(String v) { applicability = v; }
	public String getBenefits() { return benefits; }
	public void setBenefits(String v) { benefits = v; }
	public String getTrialParticipants() { return trialParticipants; }
	public void setTrialParticipants(String v) { trialParticipants = v; }
	public Set<Part> getConfidential() { return confidential; }
	public void setConfidential(Set<Part> v) { confidential = v == null ? EnumSet.noneOf(Part.class) : v; }
	public List<AuthorRow> getAuthors() { return authors; }
	public void setAuthors(List<AuthorRow> v) { authors = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
