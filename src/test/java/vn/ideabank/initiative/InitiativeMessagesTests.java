package vn.ideabank.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's texts that take arguments ({0}…) go through MessageFormat, where a lone apostrophe starts a quote and
 * swallows the rest of the text (the placeholders with it): every apostrophe there is written twice.
 */
class InitiativeMessagesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

	@ParameterizedTest
	@ValueSource(strings = { "i18n/initiative_vi.properties", "i18n/initiative_en.properties" })
	void textsWithArgumentsReadWholeThroughMessageFormat(String bundle) throws IOException {
		Properties texts = new Properties();
		try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
			assertThat(in).as(bundle).isNotNull();
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		List<String> broken = new ArrayList<>();
		for (String key : texts.stringPropertyNames()) {
			String text = texts.getProperty(key);
			if (!ARGUMENT.matcher(text).find()) {
				continue;
			}
			Object[] args = { "«0»", "«1»", "«2»", "«3»", "«4»", "«5»", "«6»", "«7»", "«8»", "«9»" };
			String expected = ARGUMENT.matcher(text.replace("''", "'")).replaceAll(m -> Matcher.quoteReplacement("«" + m.group(1) + "»"));
			if (!new MessageFormat(text).format(args).equals(expected)) {
				broken.add(key);
			}
		}
		assertThat(broken).as(bundle + ": texts with arguments whose apostrophes are not doubled").isEmpty();
	}
}
