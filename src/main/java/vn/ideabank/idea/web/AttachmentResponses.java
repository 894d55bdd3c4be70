package vn.ideabank.idea.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.ideabank.idea.IdeaAttachments;

/** Serves an attachment: images inline, everything else as a download, never sniffed into HTML. */
final class AttachmentResponses {

	private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

	private AttachmentResponses() {
	}

	static ResponseEntity<InputStreamResource> of(IdeaAttachments.Download download) {
		var a = download.attachment();
		ContentDisposition disposition = (INLINE.contains(a.contentType()) ? ContentDisposition.inline()
				: ContentDisposition.attachment()).filename(a.fileName(), StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(a.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(new InputStreamResource(download.content()));
	}
}
