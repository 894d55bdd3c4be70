package vn.ideabank.idea;

/** Sector fields as the national portal lists them. */
public enum SectorField {
	ADMIN_REFORM, SCIENCE_TECH, IT, EDUCATION, AGRICULTURE, ENVIRONMENT, BUSINESS, COMMUNITY, CULTURE, HEALTH, TRAFFIC_URBAN, DEFENCE, OTHER;

	public String messageKey() {
		return "idea.field." + name();
	}
}
