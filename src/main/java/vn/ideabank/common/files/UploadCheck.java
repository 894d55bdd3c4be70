package vn.ideabank.common.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

import vn.ideabank.common.error.BusinessException;

/**
 * Decides what an uploaded file really is from its first bytes, and refuses it unless that agrees
 * with its name and is one of the kinds people attach to an idea: images, PDF, Office documents.
 * Macro-enabled Office files, executables and archives are refused.
 */
public final class UploadCheck {

	/** Allowed extension → the type its content must show. */
	private static final Map<String, String> ALLOWED = Map.ofEntries(
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
			Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
			Map.entry("docx", "application/zip"), Map.entry("xlsx", "application/zip"), Map.entry("pptx", "application/zip"),
			Map.entry("doc", "application/x-tika-msoffice"), Map.entry("xls", "application/x-tika-msoffice"),
			Map.entry("ppt", "application/x-tika-msoffice"));

	private static final Map<String, String> SERVED_AS = Map.of("docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pptx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "doc", "application/msword", "xls",
			"application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

	private static final Tika TIKA = new Tika();

	private UploadCheck() {
	}

	/** Opens the uploaded bytes again from the start (a multipart file can be read several times). */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;
	}

	/** The content type to store and serve the file as; refuses a file whose content is not what its name says. */
	public static String contentTypeOf(String fileName, Content content) throws IOException {
		String ext = extension(fileName);
		String expected = ALLOWED.get(ext);
		if (expected == null) {
			throw new BusinessException("file", "upload.error.kind", fileName);
		}
		String detected;
		try (InputStream in = new BufferedInputStream(content.open())) {
			detected = TIKA.detect(in);
		}
		boolean ooxml = expected.equals("application/zip");
		if (!detected.equals(expected) && !(ooxml && detected.startsWith("application/x-tika-ooxml"))) {
			throw new BusinessException("file", "upload.error.mismatch", fileName);
		}
		if (ooxml && !isOfficeOpenXml(content)) {
			throw new BusinessException("file", "upload.error.mismatch", fileName);
		}
		return SERVED_AS.getOrDefault(ext, expected);
	}

	/** A real .docx/.xlsx/.pptx holds [Content_Types].xml and no macros (vbaProject.bin). */
	private static boolean isOfficeOpenXml(Content content) throws IOException {
		boolean types = false;
		try (ZipInputStream zip = new ZipInputStream(content.open())) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				String name = e.getName().toLowerCase(Locale.ROOT);
				if (name.equals("[content_types].xml")) {
					types = true;
				}
				if (name.endsWith("vbaproject.bin")) {
					return false;
				}
			}
		}
		catch (IOException e) {
			return false;
		}
		return types;
	}

	static String extension(String fileName) {
		int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
