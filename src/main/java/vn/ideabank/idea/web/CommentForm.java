package vn.ideabank.idea.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message in the conversation about an idea, or an internal note. */
class CommentForm {

	@NotBlank
	@Size(max = 5000)
	String body;

	boolean internal;

	public String getBody() { return body; }
	public void setBody(String body) { this.body = body; }
	public boolean isInternal() { return internal; }
	public void setInternal(boolean internal) { this.internal = internal; }
}
