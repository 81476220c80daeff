#!/usr/bin/env bash
# Times a lesson re-check on the five sandbox hosts (needs root): first round with connect and
# login, then rounds on the pooled connections. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.labtutor.bench.RecheckBenchmark "${1:-20}"
