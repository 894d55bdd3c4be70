package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/** Attachments are checked by content, size and count; what is refused leaves no row and no file. */
class AttachmentTests extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.MessageSource messageSource;


	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Value("${ideabank.files.dir}")
	String filesDir;

	private IdeaView idea;

	@BeforeEach
	void anIdea() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		idea = ideas.create(caller("doan.thodan"), vn.ideabank.idea.IdeaTestDataAccess.save(unit, "Có tệp đính kèm"));
	}

	private static byte[] png() throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] ooxml(boolean withMacros) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			if (withMacros) {
				zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
				zip.write(new byte[] { 1, 2, 3 });
			}
		}
		return out.toByteArray();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult upload(String name, byte[] bytes) {
		return mvc.post().uri("/api/v1/ideas/{id}/attachments", idea.id()).multipart()
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.with(as("doan.thodan")).with(csrf()).exchange();
	}

	private long rows() {
		return jdbc.sql("select count(*) from idea_attachment where idea_id = :id").param("id", idea.id()).query(Long.class).single();
	}

	private long filesOnDisk() throws IOException {
		Path root = Path.of(filesDir);
		if (!Files.exists(root)) {
			return 0;
		}
		try (var walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).count();
		}
	}

	@Test
	void imagesPdfAndOfficeFilesAreKeptAndServedBack() throws Exception {
		byte[] image = png();
		var saved = upload("ảnh minh họa.png", image);
		assertThat(saved).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.contentType").isEqualTo("image/png");
		assertThat(upload("thuyết minh.pdf", pdf())).hasStatus(HttpStatus.CREATED);
		assertThat(upload("bảng số liệu.docx", ooxml(false))).hasStatus(HttpStatus.CREATED).bodyJson()
			.extractingPath("$.contentType").isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		String location = saved.getResponse().getHeader("Location");
		var download = mvc.get().uri(location).with(as("doan.thodan")).exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(image);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("inline").contains("UTF-8''");
		assertThat(mvc.get().uri(location).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anAttachmentWhoseFileIsGoneAnswersNotFound() throws Exception {
		var saved = upload("mất tệp.pdf", pdf());
		assertThat(saved).hasStatus(HttpStatus.CREATED);
		String key = jdbc.sql("select storage_key from idea_attachment where idea_id = :id").param("id", idea.id())
			.query(String.class).single();
		try (var walk = Files.walk(Path.of(filesDir))) {
			for (Path p : walk.filter(p -> p.getFileName().toString().equals(key)).toList()) {
				Files.delete(p);
			}
		}
		assertThat(mvc.get().uri(saved.getResponse().getHeader("Location")).with(as("doan.thodan")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFileWhoseContentIsNotWhatItsNameSaysIsRefused() throws Exception {
		long files = filesOnDisk();
		assertThat(upload("bao-cao.docx", png())).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.detail").isEqualTo("Nội dung tệp “bao-cao.docx” không đúng với tên tệp; tệp bị từ chối.");
		byte[] exe = new byte[64];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertThat(upload("ke-hoach.pdf", exe)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(upload("macro.docx", ooxml(true))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(upload("macro.docm", ooxml(true))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.detail").asString().startsWith("Tệp “macro.docm” không thuộc loại được phép");
		assertThat(rows()).isZero();
		assertThat(filesOnDisk()).isEqualTo(files);
	}

	@Test
	void a50MegabyteUploadIsRefusedWithItsLimit() {
		byte[] big = new byte[50 * 1024 * 1024];
		System.arraycopy(pdf(), 0, big, 0, pdf().length);
		assertThat(upload("rat-lon.pdf", big)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.detail").isEqualTo("Tệp “rat-lon.pdf” quá lớn (tối đa 20 MB).");
		assertThat(rows()).isZero();
	}

	@Test
	void anIdeaHoldsAtMostTenFiles() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(upload("tep-" + i + ".pdf", pdf())).hasStatus(HttpStatus.CREATED);
		}
		assertThat(upload("tep-11.pdf", pdf())).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.detail").isEqualTo("Mỗi ý tưởng có tối đa 10 tệp đính kèm.");
		assertThat(rows()).isEqualTo(10);
	}

	@Test
	void theIdeaPageListsUploadsAndExplainsARefusal() throws Exception {
		var ok = mvc.post().uri("/ideas/{id}/attachments", idea.id()).multipart()
			.file(new MockMultipartFile("file", "sơ đồ lắp đặt.png", "image/png", png()))
			.with(as("doan.thodan")).with(csrf()).exchange();
		assertThat(ok).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/ideas/{id}", idea.id()).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("sơ đồ lắp đặt.png", "Tải lên");
		var refused = mvc.post().uri("/ideas/{id}/attachments", idea.id()).multipart()
			.file(new MockMultipartFile("file", "giả.pdf", "application/pdf", png()))
			.with(as("doan.thodan")).with(csrf()).exchange();
		// the refusal rides with the redirect as a message key and its arguments (the layout renders them)
		assertThat(refused.getMvcResult().getFlashMap().get("problem")).isNotNull();
		assertThat((Object[]) refused.getMvcResult().getFlashMap().get("problemArgs")).contains("giả.pdf");
		assertThat(messageSource.getMessage((String) refused.getMvcResult().getFlashMap().get("problem"),
				(Object[]) refused.getMvcResult().getFlashMap().get("problemArgs"), java.util.Locale.forLanguageTag("vi")))
			.isEqualTo("Nội dung tệp “giả.pdf” không đúng với tên tệp; tệp bị từ chối.");
		assertThat(rows()).isEqualTo(1);
		assertThat(mvc.get().uri("/ideas/{id}", idea.id()).with(as("tran.thi.binh"))).hasStatus(HttpStatus.FORBIDDEN);
	}
}
