package vn.ideabank.search;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the JVM runs the embedded index without the two options that keep HotSpot's C2 compiler
 * out of a deoptimisation storm (docs/operations.md, "JVM options"). After enough recompilations of one method C2
 * leaves a branch it has seen as rare behind a trap that never recompiles; when Lucene's {@code WANDScorer} (the
 * scorer of a query whose words may partly be missing: four or more words) is compiled that way, every such search
 * falls back to the interpreter tens of thousands of times: 150–320 ms instead of 10 at a million ideas
 * (docs/performance.md, "A JIT storm"). With no cut-off, C2 recompiles such a method and stops speculating there.
 */
@Component
class JitOptions {

	private static final Logger log = LoggerFactory.getLogger(JitOptions.class);

	/** The options, each with no cut-off ("-1"); the pom's {@code ideabank.jit.options} gives the same. */
	static final List<String> REQUIRED = List.of("PerMethodRecompilationCutoff", "PerBytecodeRecompilationCutoff");

	private static final String NO_CUT_OFF = "-1";

	private final SearchBackend backend;

	JitOptions(SearchBackend backend) {
		this.backend = backend;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (!backend.ownLuceneIndex()) {
			return; // a cluster scores in its own JVM
		}
		List<String> missing = missing(JitOptions::hotSpotOption);
		if (!missing.isEmpty()) {
			log.warn("JVM options missing for the embedded search index ({}): start Java with {} "
					+ "(docs/operations.md, \"JVM options\"), or long searches can become 20 times slower after hours of use",
					String.join(", ", missing), REQUIRED.stream().map(o -> "-XX:" + o + "=" + NO_CUT_OFF).collect(Collectors.joining(" ")));
		}
	}

	/** The required options whose value differs, as {@code name=value}; none on a JVM that does not have them (not HotSpot). */
	static List<String> missing(Function<String, Optional<String>> option) {
		return REQUIRED.stream()
			.flatMap(name -> option.apply(name).filter(v -> !v.equals(NO_CUT_OFF)).map(v -> name + "=" + v).stream())
			.toList();
	}

	/** The value of a HotSpot option of this JVM; empty on another JVM. */
	static Optional<String> hotSpotOption(String name) {
		try {
			return Optional.of(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue());
		}
		catch (RuntimeException e) { // another JVM, or an option it does not know
			return Optional.empty();
		}
	}
}
