package vn.ideabank.contest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.ideabank.common.docs.OfficialDates;
import vn.ideabank.common.docs.PdfDocuments;
import vn.ideabank.common.web.PublicLinks;
import vn.ideabank.common.error.NotFoundException;

/**
 * Certificates (giấy chứng nhận) of awards: verification by code on a public page, and the PDF
 * (OpenHTMLtoPDF with the bundled Liberation Serif the report module added, so Vietnamese is embedded)
 * with a QR code (ZXing) of the verification address. Always in Vietnamese: it is an official paper.
 */
@Service
@Transactional(readOnly = true)
public class ContestCertificates {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final CertificateRepository certificates;

	private final ITemplateEngine templates;

	private final PublicLinks links;

	ContestCertificates(CertificateRepository certificates, ITemplateEngine templates, PublicLinks links) {
		this.certificates = certificates;
		this.templates = templates;
		this.links = links;
	}

	/** The certificate with this code; absent for anything else (codes are unguessable, so not probeable). */
	public Optional<CertificateView> verify(String code) {
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		return certificates.findByCode(code.strip().toUpperCase(Locale.ROOT)).map(Certificate::view);
	}

	/** The address the QR code carries. */
	public String verificationUrl(String code) {
		return links.absolute("/public/certificates/" + code);
	}

	/** Writes the certificate's PDF (one A4 landscape page); whoever holds the code may download it. */
	public void pdf(String code, OutputStream out) throws IOException {
		CertificateView c = verify(code).orElseThrow(() -> new NotFoundException("contest.error.certificateNotFound"));
		String url = verificationUrl(c.code());
		LocalDate issued = LocalDate.ofInstant(c.issuedAt(), ZoneId.of("Asia/Ho_Chi_Minh"));
		Context context = new Context(VI);
		context.setVariable("c", c);
		context.setVariable("issuer", issuer(c).toUpperCase(VI));
		context.setVariable("url", url);
		context.setVariable("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(url)));
		context.setVariable("date", OfficialDates.day(issued).substring(0, 1).toUpperCase(VI) + OfficialDates.day(issued).substring(1));
		context.setVariable("decisionDay", c.decisionDate() == null ? null : OfficialDates.day(c.decisionDate()));
		PdfDocuments.render(templates.process("contest/certificate-pdf", context), out);
	}

	/** The body that issues the certificate: the organiser (older certificates without one: the winner's unit). */
	public static String issuer(CertificateView c) {
		return c.issuerName() != null ? c.issuerName() : c.unitName();
	}

	static byte[] qrPng(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
			BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < m.getHeight(); y++) {
				for (int x = 0; x < m.getWidth(); x++) {
					img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(img, "png", png);
			return png.toByteArray();
		}
		catch (WriterException | IOException e) {
			throw new IllegalStateException("QR code failed", e);
		}
	}
}
