package vn.ideabank.common.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Official papers as PDF: XHTML laid out by OpenHTMLtoPDF with the bundled Liberation Serif (metric-compatible with
 * Times New Roman, every Vietnamese letter embedded). Templates name the font {@value #FONT}.
 */
public final class PdfDocuments {

	public static final String FONT = "Liberation Serif";

	private PdfDocuments() {
	}

	/** Renders the XHTML into {@code out}. */
	public static void render(String html, OutputStream out) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
		font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
		builder.useFont(() -> {
			InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + file);
			if (in == null) {
				throw new UncheckedIOException(new IOException("font missing: " + file));
			}
			return in;
		}, FONT, weight, style, true);
	}
}
