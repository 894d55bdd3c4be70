package vn.ideabank.initiative.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.initiative.InitiativeCommands.ConfirmPriority;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.RecordBenefit;
import vn.ideabank.initiative.InitiativeCommands.RecordMeeting;
import vn.ideabank.initiative.InitiativeViews.Attendee;
import vn.ideabank.initiative.InitiativeViews.BenefitView;
import vn.ideabank.initiative.InitiativeViews.Meeting;
import vn.ideabank.initiative.InitiativeViews.Reach;

/**
 * The office's forms on an application's pages. Each is shown again as posted when the facade refuses it, so what was
 * typed or ticked stays, with the message on its field.
 */
final class OfficeForms {

	private OfficeForms() {
	}

	/** The decision (Điều 9): recognition with number and reach, or refusal with reasons; dated today unless changed. */
	static class DecisionForm {

		boolean recognise = true;

		Reach reach;

		@Size(max = 100)
		String decisionNo;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate decidedOn;

		@Size(max = 4000)
		String refusalReason;

		@Size(max = 200)
		String signerName;

		long version;

		/** Dated today, and the outcome the council voted for (recognition unless it voted against). */
		static DecisionForm of(long version, LocalDate today, String vote) {
			DecisionForm f = new DecisionForm();
			f.version = version;
			f.decidedOn = today;
			f.recognise = !"REJECT".equals(vote);
			return f;
		}

		Decide command() {
			return new Decide(recognise, reach, decisionNo, decidedOn, refusalReason, signerName, version);
		}

		public boolean isRecognise() { return recognise; }
		public void setRecognise(boolean v) { recognise = v; }
		public Reach getReach() { return reach; }
		public void setReach(Reach v) { reach = v; }
		public String getDecisionNo() { return decisionNo; }
		public void setDecisionNo(String v) { decisionNo = v; }
		public LocalDate getDecidedOn() { return decidedOn; }
		public void setDecidedOn(LocalDate v) { decidedOn = v; }
		public String getRefusalReason() { return refusalReason; }
		public void setRefusalReason(String v) { refusalReason = v; }
		public String getSignerName() { return signerName; }
		public void setSignerName(String v) { signerName = v; }
		public long getVersion() { return version; }
		public void setVersion(long v) { version = v; }
	}

	/** The earlier application the council found to describe the same solution. */
	static class PriorityForm {

		Long earlierId;

		long version;

		static PriorityForm of(long version) {
			PriorityForm f = new PriorityForm();
			f.version = version;
			return f;
		}

		ConfirmPriority command() {
			return new ConfirmPriority(earlierId, version);
		}

		public Long getEarlierId() { return earlierId; }
		public void setEarlierId(Long v) { earlierId = v; }
		public long getVersion() { return version; }
		public void setVersion(long v) { version = v; }
	}

	/** Who of the council was present at its meeting, who chaired and who took the minutes. */
	static class MeetingForm {

		@Size(max = 100)
		List<Long> present = new ArrayList<>();

		Long chairId;

		Long secretaryId;

		long version;

		static MeetingForm of(Meeting m) {
			MeetingForm f = new MeetingForm();
			f.present = new ArrayList<>(m.members().stream().filter(Attendee::present).map(Attendee::accountId).toList());
			f.chairId = m.chairId();
			f.secretaryId = m.secretaryId();
			f.version = m.version();
			return f;
		}

		RecordMeeting command() {
			return new RecordMeeting(present, chairId, secretaryId, version);
		}

		public List<Long> getPresent() { return present; }
		public void setPresent(List<Long> v) { present = v == null ? new ArrayList<>() : v; }
		public Long getChairId() { return chairId; }
		public void setChairId(Long v) { chairId = v; }
		public Long getSecretaryId() { return secretaryId; }
		public void setSecretaryId(Long v) { secretaryId = v; }
		public long getVersion() { return version; }
		public void setVersion(long v) { version = v; }
	}

	/** A year's gain, transfer price and payment of a recognised initiative (years 1 to 3), in whole đồng. */
	static class BenefitForm {

		@NotNull
		@Min(1)
		@Max(3)
		Integer yearNo;

		@DecimalMin("0")
		@Digits(integer = 15, fraction = 0)
		BigDecimal gain;

		@DecimalMin("0")
		@Digits(integer = 15, fraction = 0)
		BigDecimal transferPrice;

		@DecimalMin("0")
		@Digits(integer = 15, fraction = 0)
		BigDecimal paid;

		/** The form for year {@code year} (its recorded figures if any), or the first year not yet recorded. */
		static BenefitForm of(List<BenefitView> lines, Integer year) {
			BenefitForm f = new BenefitForm();
			int y = year != null && year >= 1 && year <= 3 ? year
					: lines.stream().mapToInt(BenefitView::yearNo).max().orElse(0) + 1;
			f.yearNo = Math.min(y, 3);
			lines.stream().filter(b -> b.yearNo() == f.yearNo).findFirst().ifPresent(b -> {
				f.gain = b.gain();
				f.transferPrice = b.transferPrice();
				f.paid = b.paid();
			});
			return f;
		}

		RecordBenefit command() {
			return new RecordBenefit(yearNo == null ? 0 : yearNo, gain, transferPrice, paid);
		}

		public Integer getYearNo() { return yearNo; }
		public void setYearNo(Integer v) { yearNo = v; }
		public BigDecimal getGain() { return gain; }
		public void setGain(BigDecimal v) { gain = v; }
		public BigDecimal getTransferPrice() { return transferPrice; }
		public void setTransferPrice(BigDecimal v) { transferPrice = v; }
		public BigDecimal getPaid() { return paid; }
		public void setPaid(BigDecimal v) { paid = v; }
	}
}
