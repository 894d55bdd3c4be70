package vn.ideabank.common.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A file streamed to the browser (exports of any size). Its headers are set and the response's stream
 * opened only when the first byte is written, so a refusal raised while the rows are gathered (another
 * unit, no right) is still answered by the ordinary 403/404 page instead of a broken half download
 * (the error page could not be written once the stream had been taken: a 500).
 */
public final class StreamedDownload {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Writes the file's bytes. */
	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;
	}

	private StreamedDownload() {
	}

	public static void send(HttpServletResponse response, String fileName, String contentType, Body body)
			throws IOException {
		Deferred out = new Deferred(response, fileName, contentType);
		body.writeTo(out);
		out.open(); // an empty file still goes out as a file
	}

	private static final class Deferred extends OutputStream {

		private final HttpServletResponse response;

		private final String fileName;

		private final String contentType;

		private OutputStream target;

		Deferred(HttpServletResponse response, String fileName, String contentType) {
			this.response = response;
			this.fileName = fileName;
			this.contentType = contentType;
		}

		OutputStream open() throws IOException {
			if (target == null) {
				response.setContentType(contentType);
				var disposition = ContentDisposition.attachment();
				boolean ascii = fileName.chars().allMatch(c -> c < 128);
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (ascii ? disposition.filename(fileName)
						: disposition.filename(fileName, StandardCharsets.UTF_8)).build().toString());
				response.setHeader("X-Content-Type-Options", "nosniff");
				target = response.getOutputStream();
			}
			return target;
		}

		@Override
		public void write(int b) throws IOException {
			open().write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			open().write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			if (target != null) {
				target.flush();
			}
		}

		@Override
		public void close() throws IOException {
			open(); // the container closes the response's own stream
		}
	}
}
