package vn.ideabank.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The UI texts exactly as the application ships them, for asserting on what a person reads. */
final class Texts {

	private static final String[] BUNDLES = { "messages", "member", "idea", "quota", "report", "search", "notification", "showcase", "programme", "contest", "review", "initiative" };

	private static final Properties VI = loadAll("_vi");

	private static final Properties EN = loadAll("_en");

	private Texts() {
	}

	/** A Vietnamese text, formatted the way Spring's message source does it. */
	static String vi(String key, Object... args) {
		return format(VI, Locale.forLanguageTag("vi"), key, args);
	}

	static String en(String key, Object... args) {
		return format(EN, Locale.ENGLISH, key, args);
	}

	private static String format(Properties texts, Locale locale, String key, Object... args) {
		String pattern = texts.getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("No text " + key + " for " + locale);
		}
		return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
	}

	private static Properties loadAll(String suffix) {
		Properties all = new Properties();
		for (String bundle : BUNDLES) {
			all.putAll(load("i18n/" + bundle + suffix + ".properties"));
		}
		return all;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " not on the classpath");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
