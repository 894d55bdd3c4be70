package vn.ideabank.idea;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.StringJoiner;

import vn.ideabank.member.TargetGroup;

/**
 * The Vietnamese labels of an idea's kind, sector field and target group, as the pages show them, for the
 * search index: "nông nghiệp" then finds the ideas of the field "Nông, lâm, ngư nghiệp". Read from the
 * message bundles (the index is Vietnamese whatever the indexing thread's locale).
 */
final class IdeaSearchLabels {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private IdeaSearchLabels() {
	}

	static String of(IdeaKind kind, SectorField field, TargetGroup group) {
		StringJoiner out = new StringJoiner("\n");
		if (kind != null) {
			out.add(label("i18n/idea", kind.messageKey()));
		}
		if (field != null) {
			out.add(label("i18n/idea", field.messageKey()));
		}
		if (group != null) {
			out.add(label("i18n/member", group.messageKey()));
		}
		return out.toString();
	}

	private static String label(String bundle, String key) {
		try {
			return ResourceBundle.getBundle(bundle, VI).getString(key);
		}
		catch (MissingResourceException e) {
			return "";
		}
	}
}
