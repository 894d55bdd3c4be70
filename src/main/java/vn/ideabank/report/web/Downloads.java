package vn.ideabank.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files handed to the browser as downloads, never sniffed into HTML. */
final class Downloads {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String PDF = "application/pdf";

	@FunctionalInterface
	interface Writer {

		void write(OutputStream out) throws IOException;
	}

	private Downloads() {
	}

	static ResponseEntity<InputStreamResource> stream(String fileName, String contentType, InputStream content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(new InputStreamResource(content));
	}

	/** Renders the whole file before answering, so a failure is an error page and not half a file. */
	static ResponseEntity<byte[]> bytes(String fileName, String contentType, Writer writer) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.write(out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(out.toByteArray());
	}

	private static String disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}
}
