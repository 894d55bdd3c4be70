package vn.ideabank.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An upload checked by content ({@link UploadCheck}) and written to the {@link FileStore}, with its SHA-256. */
public record StoredFile(String key, String contentType, String sha256) {

	/**
	 * Refuses the file unless its content is what its name says, then stores it. The caller removes the
	 * bytes again if its transaction does not commit.
	 */
	public static StoredFile store(FileStore files, String fileName, UploadCheck.Content content) throws IOException {
		String type = UploadCheck.contentTypeOf(fileName, content);
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		String key;
		try (InputStream in = new DigestInputStream(content.open(), sha)) {
			key = files.put(in);
		}
		return new StoredFile(key, type, HexFormat.of().formatHex(sha.digest()));
	}
}
