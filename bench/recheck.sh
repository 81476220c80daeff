#!/usr/bin/env bash
# Times a lesson re-check on the five sandbox hosts (needs root): first round with connect and
# login, then rounds on the pooled connections, the current batch script side by side with the
# sequential one it replaced. Prints figures; asserts nothing.
# Usage: bench/recheck.sh [ROUNDS] [--lab FILE]   (default: 20 rounds on a sandbox of its own)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.labtutor.bench.RecheckBenchmark "$@"
