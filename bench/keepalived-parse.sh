#!/bin/sh
# Parse-time benchmark of the keepalived.conf parser: generates a config of SIZE_MB
# (default 10) and prints the parse time of five runs. Not part of the test suite.
# Usage: bench/keepalived-parse.sh [SIZE_MB] [OUTPUT_FILE]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile
exec java -Xmx2g -cp target/classes:target/test-classes dev.labtutor.keepalived.ParserBenchmark "${1:-10}" ${2:+"$2"}
