package vn.ideabank.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.CommendationKind;
import vn.ideabank.programme.CommendationLevel;
import vn.ideabank.programme.FundKind;
import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.RevenueBand;
import vn.ideabank.programme.StartupStage;
import vn.ideabank.programme.SupportKind;

/** What the programme pages post (validated here for the field messages; the facade checks again). */
final class ProgrammeForms {

	private ProgrammeForms() {
	}

	/** Startup project form. */
	static class StartupForm {

		/** The form of an existing startup, for editing. */
		static StartupForm of(StartupDetails details) {
			StartupView s = details.startup();
			StartupForm form = new StartupForm();
			form.unitId = s.unitId();
			form.name = s.name();
			form.field = s.field();
			form.agriculture = s.agriculture();
			form.stage = s.stage();
			form.team = s.team();
			form.contact = s.contact();
			form.revenueBand = s.revenueBand();
			form.jobsCreated = s.jobsCreated();
			form.amountsPublic = s.amountsPublic();
			form.ideaIds = details.ideaIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
			form.version = s.version();
			return form;
		}

		@NotNull
		Long unitId;

		@NotBlank @Size(max = 300)
		String name;

		@NotBlank @Size(max = 200)
		String field;

		boolean agriculture;

		@NotNull
		StartupStage stage = StartupStage.IDEA;

		@Size(max = 4000)
		String team;

		@Size(max = 300)
		String contact;

		RevenueBand revenueBand;

		@PositiveOrZero
		Integer jobsCreated;

		boolean amountsPublic;

		/** Ids or codes of related ideas ("12, TS-2026-000001"). */
		@Pattern(regexp = "[0-9A-Za-z ,;-]*") @Size(max = 500)
		String ideaIds;

		long version;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getField() {
			return field;
		}

		public void setField(String field) {
			this.field = field;
		}

		public boolean isAgriculture() {
			return agriculture;
		}

		public void setAgriculture(boolean agriculture) {
			this.agriculture = agriculture;
		}

		public StartupStage getStage() {
			return stage;
		}

		public void setStage(StartupStage stage) {
			this.stage = stage;
		}

		public String getTeam() {
			return team;
		}

		public void setTeam(String team) {
			this.team = team;
		}

		public String getContact() {
			return contact;
		}

		public void setContact(String contact) {
			this.contact = contact;
		}

		public RevenueBand getRevenueBand() {
			return revenueBand;
		}

		public void setRevenueBand(RevenueBand revenueBand) {
			this.revenueBand = revenueBand;
		}

		public Integer getJobsCreated() {
			return jobsCreated;
		}

		public void setJobsCreated(Integer jobsCreated) {
			this.jobsCreated = jobsCreated;
		}

		public boolean isAmountsPublic() {
			return amountsPublic;
		}

		public void setAmountsPublic(boolean amountsPublic) {
			this.amountsPublic = amountsPublic;
		}

		public String getIdeaIds() {
			return ideaIds;
		}

		public void setIdeaIds(String ideaIds) {
			this.ideaIds = ideaIds;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	/** One support given to a startup. */
	static class SupportForm {

		@NotNull
		SupportKind kind = SupportKind.ADVICE;

		BigDecimal amount;

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate givenOn;

		@Size(max = 300)
		String partner;

		@Size(max = 1000)
		String note;

		public SupportKind getKind() {
			return kind;
		}

		public void setKind(SupportKind kind) {
			this.kind = kind;
		}

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public LocalDate getGivenOn() {
			return givenOn;
		}

		public void setGivenOn(LocalDate givenOn) {
			this.givenOn = givenOn;
		}

		public String getPartner() {
			return partner;
		}

		public void setPartner(String partner) {
			this.partner = partner;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}
	}

	/** Club form. */
	static class ClubForm {

		/** The form of an existing club, for editing. */
		static ClubForm of(ClubView c) {
			ClubForm form = new ClubForm();
			form.unitId = c.unitId();
			form.name = c.name();
			form.kind = c.kind();
			form.school = c.school();
			form.foundedOn = c.foundedOn();
			form.decisionNo = c.decisionNo();
			form.members = c.members();
			form.memberCount = c.memberCount();
			form.active = c.active();
			form.version = c.version();
			return form;
		}

		Long unitId;

		@NotBlank @Size(max = 300)
		String name;

		@NotNull
		ClubKind kind = ClubKind.SCIENCE_LOVERS;

		@Size(max = 300)
		String school;

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate foundedOn;

		@Size(max = 100)
		String decisionNo;

		@Size(max = 4000)
		String members;

		@PositiveOrZero
		Integer memberCount;

		boolean active = true;

		long version;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public ClubKind getKind() {
			return kind;
		}

		public void setKind(ClubKind kind) {
			this.kind = kind;
		}

		public String getSchool() {
			return school;
		}

		public void setSchool(String school) {
			this.school = school;
		}

		public LocalDate getFoundedOn() {
			return foundedOn;
		}

		public void setFoundedOn(LocalDate foundedOn) {
			this.foundedOn = foundedOn;
		}

		public String getDecisionNo() {
			return decisionNo;
		}

		public void setDecisionNo(String decisionNo) {
			this.decisionNo = decisionNo;
		}

		public String getMembers() {
			return members;
		}

		public void setMembers(String members) {
			this.members = members;
		}

		public Integer getMemberCount() {
			return memberCount;
		}

		public void setMemberCount(Integer memberCount) {
			this.memberCount = memberCount;
		}

		public boolean isActive() {
			return active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	/** One activity of a club. */
	static class ActivityForm {

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate heldOn;

		@NotBlank @Size(max = 300)
		String title;

		@NotNull
		Integer attendance;

		public LocalDate getHeldOn() {
			return heldOn;
		}

		public void setHeldOn(LocalDate heldOn) {
			this.heldOn = heldOn;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Integer getAttendance() {
			return attendance;
		}

		public void setAttendance(Integer attendance) {
			this.attendance = attendance;
		}
	}

	/** IP registration form. */
	static class IpForm {

		@NotNull
		Long unitId;

		Long startupId;

		Long ideaId;

		@NotNull
		IpType type = IpType.PATENT;

		@NotBlank @Size(max = 300)
		String title;

		@NotBlank @Size(max = 300)
		String applicant;

		@Size(max = 20)
		String applicationNo;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate filedOn;

		@NotNull
		IpStatus status = IpStatus.PREPARING;

		@Size(max = 1000)
		String unionSupport;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate supportedOn;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public Long getStartupId() {
			return startupId;
		}

		public void setStartupId(Long startupId) {
			this.startupId = startupId;
		}

		public Long getIdeaId() {
			return ideaId;
		}

		public void setIdeaId(Long ideaId) {
			this.ideaId = ideaId;
		}

		public IpType getType() {
			return type;
		}

		public void setType(IpType type) {
			this.type = type;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getApplicant() {
			return applicant;
		}

		public void setApplicant(String applicant) {
			this.applicant = applicant;
		}

		public String getApplicationNo() {
			return applicationNo;
		}

		public void setApplicationNo(String applicationNo) {
			this.applicationNo = applicationNo;
		}

		public LocalDate getFiledOn() {
			return filedOn;
		}

		public void setFiledOn(LocalDate filedOn) {
			this.filedOn = filedOn;
		}

		public IpStatus getStatus() {
			return status;
		}

		public void setStatus(IpStatus status) {
			this.status = status;
		}

		public String getUnionSupport() {
			return unionSupport;
		}

		public void setUnionSupport(String unionSupport) {
			this.unionSupport = unionSupport;
		}

		public LocalDate getSupportedOn() {
			return supportedOn;
		}

		public void setSupportedOn(LocalDate supportedOn) {
			this.supportedOn = supportedOn;
		}
	}

	/** A status change of an IP registration. */
	static class StatusForm {

		@NotNull
		IpStatus to;

		@Size(max = 20)
		String applicationNo;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate filedOn;

		@Size(max = 1000)
		String note;

		long version;

		public IpStatus getTo() {
			return to;
		}

		public void setTo(IpStatus to) {
			this.to = to;
		}

		public String getApplicationNo() {
			return applicationNo;
		}

		public void setApplicationNo(String applicationNo) {
			this.applicationNo = applicationNo;
		}

		public LocalDate getFiledOn() {
			return filedOn;
		}

		public void setFiledOn(LocalDate filedOn) {
			this.filedOn = filedOn;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	/** A deadline of an IP registration. */
	static class DeadlineForm {

		@NotBlank @Size(max = 300)
		String label;

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate dueOn;

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public LocalDate getDueOn() {
			return dueOn;
		}

		public void setDueOn(LocalDate dueOn) {
			this.dueOn = dueOn;
		}
	}

	/** A commendation. */
	static class CommendationForm {

		Long unitId;

		@NotNull
		CommendationKind kind = CommendationKind.COMMENDATION;

		@NotNull
		CommendationLevel level = CommendationLevel.DISTRICT;

		@NotBlank @Size(max = 100)
		String decisionNo;

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate decisionDate;

		@NotBlank @Size(max = 300)
		String issuer;

		Long memberId;

		@Size(max = 300)
		String recipientName;

		Long ideaId;

		@Size(max = 1000)
		String reason;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public CommendationKind getKind() {
			return kind;
		}

		public void setKind(CommendationKind kind) {
			this.kind = kind;
		}

		public CommendationLevel getLevel() {
			return level;
		}

		public void setLevel(CommendationLevel level) {
			this.level = level;
		}

		public String getDecisionNo() {
			return decisionNo;
		}

		public void setDecisionNo(String decisionNo) {
			this.decisionNo = decisionNo;
		}

		public LocalDate getDecisionDate() {
			return decisionDate;
		}

		public void setDecisionDate(LocalDate decisionDate) {
			this.decisionDate = decisionDate;
		}

		public String getIssuer() {
			return issuer;
		}

		public void setIssuer(String issuer) {
			this.issuer = issuer;
		}

		public Long getMemberId() {
			return memberId;
		}

		public void setMemberId(Long memberId) {
			this.memberId = memberId;
		}

		public String getRecipientName() {
			return recipientName;
		}

		public void setRecipientName(String recipientName) {
			this.recipientName = recipientName;
		}

		public Long getIdeaId() {
			return ideaId;
		}

		public void setIdeaId(Long ideaId) {
			this.ideaId = ideaId;
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}
	}

	/** Fund or scholarship programme form. */
	static class FundForm {

		/** The form of an existing programme, for editing. */
		static FundForm of(FundView f) {
			FundForm form = new FundForm();
			form.unitId = f.unitId();
			form.name = f.name();
			form.kind = f.kind();
			form.year = f.year();
			form.description = f.description();
			form.version = f.version();
			return form;
		}

		@NotNull
		Long unitId;

		@NotBlank @Size(max = 300)
		String name;

		@NotNull
		FundKind kind = FundKind.FUND;

		@NotNull
		Integer year;

		@Size(max = 4000)
		String description;

		long version;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public FundKind getKind() {
			return kind;
		}

		public void setKind(FundKind kind) {
			this.kind = kind;
		}

		public Integer getYear() {
			return year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	/** One award of a fund or scholarship: to a roster member, a person by name, or a unit. */
	static class AwardForm {

		Long memberId;

		@Size(max = 300)
		String recipientName;

		Long recipientUnitId;

		@NotNull
		BigDecimal amount;

		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate awardedOn;

		@NotBlank @Size(max = 100)
		String decisionNo;

		Long ideaId;

		Long startupId;

		@Size(max = 1000)
		String note;

		public Long getMemberId() {
			return memberId;
		}

		public void setMemberId(Long memberId) {
			this.memberId = memberId;
		}

		public String getRecipientName() {
			return recipientName;
		}

		public void setRecipientName(String recipientName) {
			this.recipientName = recipientName;
		}

		public Long getRecipientUnitId() {
			return recipientUnitId;
		}

		public void setRecipientUnitId(Long recipientUnitId) {
			this.recipientUnitId = recipientUnitId;
		}

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public LocalDate getAwardedOn() {
			return awardedOn;
		}

		public void setAwardedOn(LocalDate awardedOn) {
			this.awardedOn = awardedOn;
		}

		public String getDecisionNo() {
			return decisionNo;
		}

		public void setDecisionNo(String decisionNo) {
			this.decisionNo = decisionNo;
		}

		public Long getIdeaId() {
			return ideaId;
		}

		public void setIdeaId(Long ideaId) {
			this.ideaId = ideaId;
		}

		public Long getStartupId() {
			return startupId;
		}

		public void setStartupId(Long startupId) {
			this.startupId = startupId;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}
	}
}
