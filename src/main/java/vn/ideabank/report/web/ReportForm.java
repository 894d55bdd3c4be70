package vn.ideabank.report.web;

import jakarta.validation.constraints.Size;

import vn.ideabank.report.ReportCommands.WriteReport;
import vn.ideabank.report.ReportView;

/** The narrative sections and document details of a periodic report. */
class ReportForm {

	long version;

	@Size(max = 20000)
	String results;

	@Size(max = 20000)
	String goodModels;

	@Size(max = 20000)
	String difficulties;

	@Size(max = 20000)
	String proposals;

	@Size(max = 60)
	String numberSymbol;

	@Size(max = 200)
	String signerName;

	@Size(max = 200)
	String placeName;

	static ReportForm of(ReportView r) {
		ReportForm f = new ReportForm();
		f.version = r.version();
		f.results = r.results();
		f.goodModels = r.goodModels();
		f.difficulties = r.difficulties();
		f.proposals = r.proposals();
		f.numberSymbol = r.numberSymbol();
		f.signerName = r.signerName();
		f.placeName = r.placeName();
		return f;
	}

	WriteReport command() {
		return new WriteReport(version, results, goodModels, difficulties, proposals, numberSymbol, signerName, placeName);
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getResults() {
		return results;
	}

	public void setResults(String results) {
		this.results = results;
	}

	public String getGoodModels() {
		return goodModels;
	}

	public void setGoodModels(String goodModels) {
		this.goodModels = goodModels;
	}

	public String getDifficulties() {
		return difficulties;
	}

	public void setDifficulties(String difficulties) {
		this.difficulties = difficulties;
	}

	public String getProposals() {
		return proposals;
	}

	public void setProposals(String proposals) {
		this.proposals = proposals;
	}

	public String getNumberSymbol() {
		return numberSymbol;
	}

	public void setNumberSymbol(String numberSymbol) {
		this.numberSymbol = numberSymbol;
	}

	public String getSignerName() {
		return signerName;
	}

	public void setSignerName(String signerName) {
		this.signerName = signerName;
	}

	public String getPlaceName() {
		return placeName;
	}

	public void setPlaceName(String placeName) {
		this.placeName = placeName;
	}
}
