package vn.ideabank.idea.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The national portal's code and address of an idea that was posted there. */
class PortalForm {

	@NotBlank
	@Size(max = 100)
	String portalCode;

	@Size(max = 1000)
	@Pattern(regexp = "https?://\\S+")
	String portalUrl;

	long version;

	public String getPortalCode() { return portalCode; }
	public void setPortalCode(String portalCode) { this.portalCode = portalCode; }
	public String getPortalUrl() { return portalUrl; }
	public void setPortalUrl(String portalUrl) { this.portalUrl = portalUrl; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
