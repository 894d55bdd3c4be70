package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.ideabank.IntegrationTest;

/** A JSON body over the limit is refused with 413 before it is parsed; a declared field limit is enforced. */
class RequestBodyLimitTests extends IntegrationTest {

	@Test
	void aFiveMegabyteBodyToSimilarIdeasIsRefusedAtOnce() {
		String big = "{\"title\":\"" + "nước sạch ".repeat(500_000) + "\"}";
		long start = System.nanoTime();
		var refused = mvc.post().uri("/api/v1/ideas/similar").contentType(MediaType.APPLICATION_JSON).content(big)
			.with(as("doan.thodan")).with(csrf()).exchange();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(refused).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").isEqualTo("Dữ liệu gửi lên quá lớn (tối đa 1.024 KB).");
		assertThat(millis).as("refused before any work").isLessThan(2_000);
	}

	@Test
	void theDeclaredFieldLimitsOfSimilarIdeasAreChecked() {
		String title = "nước sạch cho vùng cao ".repeat(20); // 460 characters, over an idea title's 300
		assertThat(mvc.post().uri("/api/v1/ideas/similar").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\",\"description\":\"lọc nước\"}").with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.title").isNotNull();
		assertThat(mvc.post().uri("/api/v1/ideas/similar").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Lọc nước sạch bằng than tre\",\"description\":\"lọc nước\"}").with(as("doan.thodan"))
			.with(csrf())).hasStatusOk();
	}

	@Test
	void aChunkedBodyIsCutWhereItPassesTheLimit() throws Exception {
		MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/ideas/similar") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}
		};
		chunked.setContentType("application/json");
		chunked.setContent(new byte[2048]);
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		new RequestBodyLimitFilter(1000).doFilter(chunked, new MockHttpServletResponse(),
				(req, res) -> seen.set((HttpServletRequest) req));
		InputStream in = seen.get().getInputStream();
		assertThat(in.readNBytes(1000)).hasSize(1000);
		assertThatThrownBy(in::read).isInstanceOf(RequestBodyLimitFilter.BodyTooLargeException.class);

		// forms and uploads have limits of their own
		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/ideas");
		form.setContentType("application/x-www-form-urlencoded");
		form.setContent(new byte[2048]);
		new RequestBodyLimitFilter(1000).doFilter(form, new MockHttpServletResponse(),
				(req, res) -> seen.set((HttpServletRequest) req));
		assertThat(seen.get().getInputStream().readAllBytes()).hasSize(2048);
	}
}
