package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import vn.ideabank.account.AccountKind;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitKind;

/**
 * Every visible text comes from the message bundles (messages, and one per module), each in _vi and
 * _en with the same keys; every key a template or an enum names exists, the Vietnamese is NFC, and
 * templates carry no literal text.
 */
class MessagesAndTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes a person reads or hears; they must come from messages (th:attr / th:placeholder…). */
	private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value",
			"hx-confirm");

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	/** Every bundle named in application.properties, each as its Vietnamese and English file. */
	private static List<String> bundles() throws IOException {
		Properties app = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
			app.load(in);
		}
		return Stream.of(app.getProperty("spring.messages.basename").split(",")).map(String::trim)
			.map(b -> b.substring(b.lastIndexOf('/') + 1)).toList();
	}

	@Test
	void everyBundleHasVietnameseAndEnglishWithTheSameKeys() throws IOException {
		for (String bundle : bundles()) {
			assertThat(BUNDLES.resolve(bundle + ".properties")).as("base file of " + bundle).exists();
			Set<String> vi = load("i18n/" + bundle + "_vi.properties").stringPropertyNames();
			Set<String> en = load("i18n/" + bundle + "_en.properties").stringPropertyNames();
			assertThat(difference(vi, en)).as("keys in " + bundle + "_vi missing from " + bundle + "_en").isEmpty();
			assertThat(difference(en, vi)).as("keys in " + bundle + "_en missing from " + bundle + "_vi").isEmpty();
		}
		assertThat(allVietnamese().stringPropertyNames()).hasSizeGreaterThan(100);
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		Set<String> twice = new TreeSet<>();
		for (String bundle : bundles()) {
			for (String key : load("i18n/" + bundle + "_vi.properties").stringPropertyNames()) {
				if (!seen.add(key)) {
					twice.add(key);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	private static Properties allVietnamese() throws IOException {
		Properties all = new Properties();
		for (String bundle : bundles()) {
			all.putAll(load("i18n/" + bundle + "_vi.properties"));
		}
		return all;
	}

	@Test
	void vietnameseTextsAreNfc() throws IOException {
		Properties vi = allVietnamese();
		for (String key : vi.stringPropertyNames()) {
			String text = vi.getProperty(key);
			assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC: " + key).isTrue();
		}
	}

	@Test
	void everyKeyNamedByATemplateOrAnEnumExists() throws IOException {
		Set<String> vi = allVietnamese().stringPropertyNames();
		Set<String> named = new TreeSet<>();
		Pattern literalKey = Pattern.compile("#\\{'?([A-Za-z][A-Za-z0-9_.]+)'?[}(]");
		for (Path template : templates()) {
			Matcher m = literalKey.matcher(Files.readString(template));
			while (m.find()) {
				named.add(m.group(1));
			}
		}
		for (Role r : Role.values()) {
			named.add(r.messageKey());
			named.add("home.does." + r.name());
		}
		for (UnitKind k : UnitKind.values()) {
			named.add(k.messageKey());
		}
		for (AccountKind k : AccountKind.values()) {
			named.add(k.messageKey());
		}
		assertThat(named).hasSizeGreaterThan(60);
		assertThat(difference(named, vi)).as("keys used but not defined").isEmpty();
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element el : doc.getAllElements()) {
				if (el.hasAttr("th:text") || el.hasAttr("th:utext")) {
					continue; // prototype text, if any, is replaced
				}
				for (TextNode text : el.textNodes()) {
					if (text.text().codePoints().anyMatch(Character::isLetter) && !insideScriptOrStyle(el)) {
						offences.add(TEMPLATES.relativize(template) + ": text \"" + text.text().strip() + "\"");
					}
				}
				for (var attr : el.attributes()) {
					if (READABLE_ATTRIBUTES.contains(attr.getKey()) && attr.getValue().codePoints().anyMatch(Character::isLetter)
							&& !(el.tagName().equals("input") && attr.getKey().equals("value"))) {
						offences.add(TEMPLATES.relativize(template) + ": attribute " + attr.getKey() + "=\"" + attr.getValue() + "\"");
					}
				}
			}
		}
		assertThat(offences).as("literal text in templates (use #{…} from messages)").isEmpty();
	}

	@Test
	void templatesFormatDatesThroughTheSharedFormatter() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			if (text.contains("#temporals.format") || text.contains("dd/MM/yyyy")) {
				offences.add(TEMPLATES.relativize(template).toString());
			}
		}
		assertThat(offences).as("templates spelling a date pattern (use ${@dates.day(x)} / ${@dates.time(x)})").isEmpty();
	}

	@Test
	void theCheckerFindsLiteralText() {
		Document doc = Jsoup.parse("<main><h1>Xin chào</h1><p th:text=\"#{a}\"></p><input placeholder=\"Tên\"></main>", "",
				Parser.xmlParser());
		long texts = doc.getAllElements().stream().flatMap(e -> e.textNodes().stream())
			.filter(t -> t.text().codePoints().anyMatch(Character::isLetter)).count();
		assertThat(texts).isEqualTo(1);
	}

	private static boolean insideScriptOrStyle(Element el) {
		return el.tagName().equals("script") || el.tagName().equals("style");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> d = new TreeSet<>(a);
		d.removeAll(b);
		return d;
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		Path file = Path.of("src/main/resources").resolve(resource);
		assertThat(file).as(resource).exists();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
