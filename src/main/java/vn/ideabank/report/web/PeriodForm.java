package vn.ideabank.report.web;

import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;

/** Which unit and period a page is about (query or form parameters). */
class PeriodForm {

	Long unit;

	PeriodKind kind;

	Integer year;

	Integer number;

	ReportingPeriod period() {
		return new ReportingPeriod(kind, year == null ? 0 : year, number == null ? 0 : number);
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public PeriodKind getKind() {
		return kind;
	}

	public void setKind(PeriodKind kind) {
		this.kind = kind;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public Integer getNumber() {
		return number;
	}

	public void setNumber(Integer number) {
		this.number = number;
	}
}
