# Compiles the test classes (where the bench lives) once and builds the class path; sourced by bench/generate and bench/run.
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f target/bench.classpath ]; then
  ./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
fi
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
