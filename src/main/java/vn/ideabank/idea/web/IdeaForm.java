package vn.ideabank.idea.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** What the idea form posts: the whole content, authors one per line, and which button was pressed. */
class IdeaForm {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * The buttons: save a draft, save and submit, save and open an empty form for the next paper idea, and
	 * save, submit (and endorse, see {@link #endorse}) in one go, then open the next form.
	 */
	enum Action {
		DRAFT, SUBMIT, NEXT, SUBMIT_NEXT
	}

	@NotNull
	Long unitId;

	@NotNull
	@Min(2000)
	@Max(2100)
	Integer year = Year.now(VIETNAM).getValue();

	@NotNull
	IdeaKind kind = IdeaKind.IDEA;

	@NotBlank
	@Size(max = 300)
	String title;

	@Size(max = 2000)
	String summary;

	@Size(max = 20000)
	String problem;

	@Size(max = 20000)
	String solution;

	@Size(max = 20000)
	String novelty;

	Set<Benefit> benefits = EnumSet.noneOf(Benefit.class);

	@Size(max = 1000)
	String benefitsOther;

	@Size(max = 1000)
	String scopeWhere;

	@Size(max = 1000)
	String scopeWhen;

	@Size(max = 2000)
	String scopeConditions;

	ApplicationArea applicationArea;

	SectorField sectorField;

	TargetGroup targetGroup;

	@Size(max = 2000)
	String videoLinks;

	boolean publicOptOut;

	/** One full name per line. */
	@NotBlank
	@Size(max = 4000)
	String authors;

	long version;

	Action action = Action.DRAFT;

	/** With SUBMIT_NEXT: the unit endorses the idea in the same action (for its officers typing paper ideas). */
	boolean endorse;

	static IdeaForm of(IdeaView idea) {
		IdeaForm form = new IdeaForm();
		form.unitId = idea.unitId();
		form.year = idea.year();
		form.kind = idea.kind();
		form.title = idea.title();
		form.summary = idea.summary();
		form.problem = idea.problem();
		form.solution = idea.solution();
		form.novelty = idea.novelty();
		form.benefits = idea.benefits().isEmpty() ? EnumSet.noneOf(Benefit.class) : EnumSet.copyOf(idea.benefits());
		form.benefitsOther = idea.benefitsOther();
		form.scopeWhere = idea.scopeWhere();
		form.scopeWhen = idea.scopeWhen();
		form.scopeConditions = idea.scopeConditions();
		form.applicationArea = idea.applicationArea();
		form.sectorField = idea.sectorField();
		form.targetGroup = idea.targetGroup();
		form.videoLinks = idea.videoLinks();
		form.publicOptOut = idea.publicOptOut();
		form.authors = idea.authors().stream().map(IdeaView.Author::fullName).collect(Collectors.joining("\n"));
		form.version = idea.version();
		return form;
	}

	/** The names typed, one per line, blank lines dropped. */
	List<String> authorNames() {
		return authors == null ? List.of() : authors.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/**
	 * The command. Authors already linked to the roster keep their link when their name is kept, so
	 * editing the text of an idea does not cut an author off from it.
	 */
	SaveIdea command(long unit, List<IdeaView.Author> existing) {
		List<IdeaView.Author> linked = new ArrayList<>(existing.stream().filter(a -> a.memberId() != null).toList());
		List<AuthorRef> refs = new ArrayList<>();
		for (String name : authorNames()) {
			IdeaView.Author match = linked.stream().filter(a -> Objects.equals(a.fullName(), name)).findFirst().orElse(null);
			if (match != null) {
				linked.remove(match);
				refs.add(new AuthorRef(match.memberId(), name));
			}
			else {
				refs.add(new AuthorRef(null, name));
			}
		}
		IdeaContent content = new IdeaContent(year, kind, title, summary, problem, solution, novelty,
				benefits == null ? Set.of() : new HashSet<>(benefits), benefitsOther, scopeWhere, scopeWhen, scopeConditions,
				applicationArea, sectorField, targetGroup, videoLinks, publicOptOut);
		return new SaveIdea(unit, content, refs);
	}

	// accessors for data binding and templates
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long unitId) { this.unitId = unitId; }
	public Integer getYear() { return year; }
	public void setYear(Integer year) { this.year = year; }
	public IdeaKind getKind() { return kind; }
	public void setKind(IdeaKind kind) { this.kind = kind; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getSummary() { return summary; }
	public void setSummary(String summary) { this.summary = summary; }
	public String getProblem() { return problem; }
	public void setProblem(String problem) { this.problem = problem; }
	public String getSolution() { return solution; }
	public void setSolution(String solution) { this.solution = solution; }
	public String getNovelty() { return novelty; }
	public void setNovelty(String novelty) { this.novelty = novelty; }
	public Set<Benefit> getBenefits() { return benefits; }
	public void setBenefits(Set<Benefit> benefits) { this.benefits = benefits; }
	public String getBenefitsOther() { return benefitsOther; }
	public void setBenefitsOther(String benefitsOther) { this.benefitsOther = benefitsOther; }
	public String getScopeWhere() { return scopeWhere; }
	public void setScopeWhere(String scopeWhere) { this.scopeWhere = scopeWhere; }
	public String getScopeWhen() { return scopeWhen; }
	public void setScopeWhen(String scopeWhen) { this.scopeWhen = scopeWhen; }
	public String getScopeConditions() { return scopeConditions; }
	public void setScopeConditions(String scopeConditions) { this.scopeConditions = scopeConditions; }
	public ApplicationArea getApplicationArea() { return applicationArea; }
	public void setApplicationArea(ApplicationArea applicationArea) { this.applicationArea = applicationArea; }
	public SectorField getSectorField() { return sectorField; }
	public void setSectorField(SectorField sectorField) { this.sectorField = sectorField; }
	public TargetGroup getTargetGroup() { return targetGroup; }
	public void setTargetGroup(TargetGroup targetGroup) { this.targetGroup = targetGroup; }
	public String getVideoLinks() { return videoLinks; }
	public void setVideoLinks(String videoLinks) { this.videoLinks = videoLinks; }
	public boolean isPublicOptOut() { return publicOptOut; }
	public void setPublicOptOut(boolean publicOptOut) { this.publicOptOut = publicOptOut; }
	public String getAuthors() { return authors; }
	public void setAuthors(String authors) { this.authors = authors; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public Action getAction() { return action; }
	public void setAction(Action action) { this.action = action; }
	public boolean isEndorse() { return endorse; }
	public void setEndorse(boolean endorse) { this.endorse = endorse; }
}
