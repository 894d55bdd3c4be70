package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaTestDataAccess;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * Every way text enters goes through the one normaliser: a U+0000 or a right-to-left override is dropped
 * whether it comes in a query parameter, a form field, a JSON string or a file name, and never reaches
 * PostgreSQL (which refuses a NUL with an error, i.e. a 500).
 */
class TextEntryTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private IdeaView idea;

	@BeforeEach
	void anIdea() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		idea = ideas.create(caller("doan.thodan"), IdeaTestDataAccess.save(unit, "Văn bản vào qua mọi đường"));
	}

	@Test
	void aNulInAnAnonymousSearchIsDropped() {
		// URI.create: a template would encode the % again
		assertThat(mvc.get().uri(URI.create("/public/ideas?q=%00"))).hasStatusOk();
		assertThat(mvc.get().uri(URI.create("/public/ideas?q=a%00b%E2%80%AE%01&year=2026"))).hasStatusOk();
		// in the path, the firewall refuses it before any controller
		assertThat(mvc.get().uri(URI.create("/public/ideas/TS%00-1")).exchange().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.get().uri(URI.create("/api/v1/ideas?q=%00")).with(as("doan.thodan"))).hasStatusOk();
	}

	@Test
	void controlsInAFormFieldAreDroppedAndTheRestSaved() {
		var posted = mvc.post().uri("/ideas/{id}/comments", idea.id())
			.param("body", "Dòng\u0000 một\r\nDòng\u202E hai\u0007").with(as("doan.thodan")).with(csrf()).exchange();
		assertThat(posted).hasStatus(HttpStatus.FOUND);
		assertThat(lastComment()).isEqualTo("Dòng một\nDòng hai");
	}

	@Test
	void controlsInAJsonStringAreDroppedAndTheRestSaved() {
		var posted = mvc.post().uri("/api/v1/ideas/{id}/comments", idea.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"Ý\\u0000 kiến\\u202E\\u2066 \\u0085hay\"}").with(as("doan.thodan")).with(csrf()).exchange();
		assertThat(posted.getResponse().getStatus()).isLessThan(300);
		assertThat(lastComment()).isEqualTo("Ý kiến hay");
	}

	@Test
	void anAttachmentNameLosesItsRightToLeftOverride() {
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
		var saved = mvc.post().uri("/api/v1/ideas/{id}/attachments", idea.id()).multipart()
			.file(new MockMultipartFile("file", "thuyet-minh\u202Eexe.pdf\u0000", "application/pdf", pdf))
			.with(as("doan.thodan")).with(csrf()).exchange();
		assertThat(saved).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select file_name from idea_attachment where idea_id = :id").param("id", idea.id())
			.query(String.class).single()).isEqualTo("thuyet-minhexe.pdf");
	}

	private String lastComment() {
		return jdbc.sql("select body from idea_comment where idea_id = :id order by id desc limit 1").param("id", idea.id())
			.query(String.class).single();
	}
}
