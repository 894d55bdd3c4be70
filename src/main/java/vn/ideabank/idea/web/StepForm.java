package vn.ideabank.idea.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaStep;

/** One lifecycle step from the idea page; the evidence fields only for "đã áp dụng". */
class StepForm {

	@NotNull
	IdeaStep step;

	long version;

	@Size(max = 5000)
	String reason;

	@Size(max = 1000)
	String appliedWhere;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate appliedSince;

	@Size(max = 5000)
	String appliedEffect;

	TakeStep command() {
		return new TakeStep(step, version, reason, appliedWhere, appliedSince, appliedEffect);
	}

	public IdeaStep getStep() { return step; }
	public void setStep(IdeaStep step) { this.step = step; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = reason; }
	public String getAppliedWhere() { return appliedWhere; }
	public void setAppliedWhere(String appliedWhere) { this.appliedWhere = appliedWhere; }
	public LocalDate getAppliedSince() { return appliedSince; }
	public void setAppliedSince(LocalDate appliedSince) { this.appliedSince = appliedSince; }
	public String getAppliedEffect() { return appliedEffect; }
	public void setAppliedEffect(String appliedEffect) { this.appliedEffect = appliedEffect; }
}
