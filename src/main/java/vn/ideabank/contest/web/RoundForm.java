package vn.ideabank.contest.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.RoundView;

/** The round form (new or draft); the service checks every rule and names the field at fault. */
class RoundForm {

	String name;

	Long rubricVersionId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate opensOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate closesOn;

	boolean normalise;

	BigDecimal threshold = BigDecimal.valueOf(20);

	long version;

	static RoundForm of(RoundView r) {
		RoundForm f = new RoundForm();
		f.name = r.name();
		f.rubricVersionId = r.rubricVersionId();
		f.opensOn = r.opensOn();
		f.closesOn = r.closesOn();
		f.normalise = r.normalise();
		f.threshold = r.threshold();
		f.version = r.version();
		return f;
	}

	SaveRound command() {
		return new SaveRound(name, rubricVersionId == null ? 0 : rubricVersionId, opensOn, closesOn, normalise, threshold);
	}

	// bean accessors for data binding (th:field)
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public Long getRubricVersionId() { return rubricVersionId; }
	public void setRubricVersionId(Long v) { rubricVersionId = v; }
	public LocalDate getOpensOn() { return opensOn; }
	public void setOpensOn(LocalDate v) { opensOn = v; }
	public LocalDate getClosesOn() { return closesOn; }
	public void setClosesOn(LocalDate v) { closesOn = v; }
	public boolean isNormalise() { return normalise; }
	public void setNormalise(boolean v) { normalise = v; }
	public BigDecimal getThreshold() { return threshold; }
	public void setThreshold(BigDecimal v) { threshold = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
