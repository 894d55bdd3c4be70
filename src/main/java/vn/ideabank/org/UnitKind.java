package vn.ideabank.org;

/** What kind of body a unit is; a grassroots union may sit in a commune, school, agency… */
public enum UnitKind {
	COMMITTEE, COMMUNE, SCHOOL, AGENCY, ENTERPRISE, ARMED_FORCES, OTHER;

	public String messageKey() {
		return "unit.kind." + name();
	}
}
