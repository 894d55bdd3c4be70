package vn.ideabank.common.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON (or any other non-form) body is read at most up to {@code ideabank.web.max-json-bytes}: a
 * declared {@code Content-Length} above it fails at the first read, before a byte is parsed, and a
 * chunked body fails as soon as it passes the limit; either answers 413 ({@link UploadLimitAdvice}).
 * A 5 MB body to {@code /api/v1/ideas/similar} used to be parsed, normalised and scored (6.7 s of CPU).
 * Form posts are bounded by Tomcat ({@code server.tomcat.max-http-form-post-size}) and uploads by the
 * multipart limits.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestBodyLimitFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	/** Raised on reading past the limit; answered 413. */
	static final class BodyTooLargeException extends RuntimeException {

		final long maxBytes;

		BodyTooLargeException(long maxBytes) {
			super("request body over " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > maxBytes) {
				throw new BodyTooLargeException(maxBytes); // refused before anything is read
			}
			if (stream == null) {
				stream = new Counting(super.getInputStream(), maxBytes);
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
		}
	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		Counting(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		private int counted(int n) {
			if (n > 0) {
				read += n;
				if (read > maxBytes) {
					throw new BodyTooLargeException(maxBytes);
				}
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return counted(in.read(b, off, len));
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
