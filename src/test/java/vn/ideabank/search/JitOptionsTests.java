package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The start-up check of the JVM options that keep C2 out of a deoptimisation storm in Lucene's scorers. */
class JitOptionsTests {

	@Test
	void hotSpotsDefaultsAreReportedWithTheirValues() {
		Map<String, String> defaults = Map.of("PerMethodRecompilationCutoff", "400", "PerBytecodeRecompilationCutoff", "200");
		assertThat(JitOptions.missing(name -> Optional.ofNullable(defaults.get(name))))
			.containsExactly("PerMethodRecompilationCutoff=400", "PerBytecodeRecompilationCutoff=200");
	}

	@Test
	void nothingIsMissingWhenBothAreSetOrOnAJvmWithoutThem() {
		assertThat(JitOptions.missing(name -> Optional.of("-1"))).isEmpty();
		assertThat(JitOptions.missing(name -> Optional.empty())).isEmpty();
	}

	@Test
	void theTestsRunWithTheOptionsTheApplicationIsStartedWith() {
		// the pom gives them to the tests and to spring-boot:run alike (ideabank.jit.options)
		assertThat(JitOptions.missing(JitOptions::hotSpotOption)).isEmpty();
		assertThat(JitOptions.hotSpotOption("PerMethodRecompilationCutoff")).contains("-1");
	}
}
