package vn.ideabank.review.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;
import vn.ideabank.review.RubricView;

/**
 * The rubric form: a name and rows of criteria. Rows left empty are dropped before the command, so the row
 * numbers of the service's messages ({@code criteria[2].weight}) are those of the rows shown again.
 */
class RubricForm {

	/** Empty rows offered below the filled ones (no script needed to add a criterion on a phone). */
	static final int SPARE_ROWS = 3;

	Long unitId;

	String name;

	List<Row> criteria = new ArrayList<>();

	long version;

	static class Row {

		String code;

		String name;

		String description;

		BigDecimal weight;

		Integer min;

		Integer max;

		boolean blank() {
			return (name == null || name.isBlank()) && weight == null && (description == null || description.isBlank());
		}

		// bean accessors for data binding (th:field)
		public String getCode() { return code; }
		public void setCode(String v) { code = v; }
		public String getName() { return name; }
		public void setName(String v) { name = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }
		public BigDecimal getWeight() { return weight; }
		public void setWeight(BigDecimal v) { weight = v; }
		public Integer getMin() { return min; }
		public void setMin(Integer v) { min = v; }
		public Integer getMax() { return max; }
		public void setMax(Integer v) { max = v; }
	}

	static RubricForm of(RubricView v, long version) {
		RubricForm f = new RubricForm();
		f.name = v.name();
		f.unitId = v.unitId();
		f.version = version;
		for (RubricView.CriterionView c : v.criteria()) {
			Row r = new Row();
			r.code = c.code();
			r.name = c.name();
			r.description = c.description();
			r.weight = c.weight().stripTrailingZeros();
			r.min = c.min();
			r.max = c.max();
			f.criteria.add(r);
		}
		return f.padded();
	}

	/** Drops the empty rows (before the command runs). */
	RubricForm compacted() {
		criteria = new ArrayList<>(criteria.stream().filter(r -> r != null && !r.blank()).toList());
		return this;
	}

	/** Adds the spare empty rows (before the form is shown). */
	RubricForm padded() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			Row r = new Row();
			r.min = 0;
			r.max = 10;
			criteria.add(r);
		}
		return this;
	}

	SaveRubric command() {
		return new SaveRubric(name, criteria.stream().map(r -> new CriterionInput(r.code, r.name, r.description, r.weight,
				r.min == null ? 0 : r.min, r.max == null ? 0 : r.max)).toList());
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public List<Row> getCriteria() { return criteria; }
	public void setCriteria(List<Row> v) { criteria = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
