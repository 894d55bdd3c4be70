package vn.ideabank.idea;

import java.time.Instant;

public record AttachmentView(long id, String fileName, String contentType, long size, Instant uploadedAt) {

	public boolean image() {
		return contentType.startsWith("image/");
	}
}
