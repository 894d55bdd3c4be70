package vn.ideabank.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options. */
final class Args {

	private final Map<String, String> values = new HashMap<>();

	Args(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + args[i]);
			}
			String name = args[i].substring(2);
			int eq = name.indexOf('=');
			if (eq > 0) {
				values.put(name.substring(0, eq), name.substring(eq + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				values.put(name, args[++i]);
			}
			else {
				values.put(name, "true");
			}
		}
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int getInt(String name, int fallback) {
		return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
	}

	long getLong(String name, long fallback) {
		return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
	}

	double getDouble(String name, double fallback) {
		return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
	}

	boolean has(String name) {
		return values.containsKey(name);
	}
}
