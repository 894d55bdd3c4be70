package vn.ideabank.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random passwords and API token secrets. */
final class Secrets {

	static final String TOKEN_PREFIX = "ib_";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Letters and digits without look-alikes (0/O, 1/l/I), easy to read out over the phone. */
	private static final char[] READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private Secrets() {
	}

	static String password() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			b.append(READABLE[RANDOM.nextInt(READABLE.length)]);
		}
		return b.toString();
	}

	static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
