package vn.ideabank.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class TokenForm {

	@NotBlank
	@Size(max = 100)
	private String name;

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
}
