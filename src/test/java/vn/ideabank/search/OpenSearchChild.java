package vn.ideabank.search;

import java.io.IOException;

/**
 * The main class of the OpenSearch node that {@link TestOpenSearch} starts as a child JVM, on OpenSearch's own class
 * path (never the tests'): it runs {@code org.codelibs.opensearch.runner.OpenSearchRunner}'s main (looked up by name:
 * this class must load without OpenSearch) and exits as soon as its standard input closes, i.e. when the test JVM is
 * gone, even killed, so that no node outlives the suite.
 */
public final class OpenSearchChild {

	private OpenSearchChild() {
	}

	public static void main(String[] args) throws Exception {
		Thread watchdog = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// the parent writes nothing; end of stream means it is gone
				}
			}
			catch (IOException e) {
				// the same
			}
			System.exit(0); // the runner's shutdown hook closes the node
		}, "parent-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		Class.forName("org.codelibs.opensearch.runner.OpenSearchRunner").getMethod("main", String[].class).invoke(null, (Object) args);
	}
}
