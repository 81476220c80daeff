#!/usr/bin/env bash
# Start-up time of labtutor next to the JVM's own: median wall time of N runs (default 10) of
# `java -version`, `labtutor --version` and `labtutor lessons`, run side by side (interleaved,
# so all three see the same machine load), and the two ratios the budget is about
# (--version at most 4x java -version, lessons at most 5x).
# Usage: bench/startup.sh [RUNS] [LAUNCHER]   (default launcher: ./labtutor of this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
launcher="${2:-./labtutor}"
java="$(command -v java)"; [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"

"$launcher" --version >/dev/null   # builds if needed and makes the AppCDS archive once

now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
declare -a jv ver les nocds
for ((i = 0; i < runs; i++)); do
  t0=$(now_us); "$java" -version >/dev/null 2>&1; t1=$(now_us); jv+=($(( t1 - t0 )))
  t0=$(now_us); "$launcher" --version >/dev/null; t1=$(now_us); ver+=($(( t1 - t0 )))
  t0=$(now_us); "$launcher" lessons >/dev/null; t1=$(now_us); les+=($(( t1 - t0 )))
  t0=$(now_us); LABTUTOR_CDS=0 "$launcher" lessons >/dev/null; t1=$(now_us); nocds+=($(( t1 - t0 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mj=$(median "${jv[@]}"); mv=$(median "${ver[@]}"); ml=$(median "${les[@]}"); mn=$(median "${nocds[@]}")
printf 'median of %d runs, interleaved (%s):\n' "$runs" "$launcher"
printf '  java -version        %6.1f ms\n' "$(awk -v u="$mj" 'BEGIN{print u/1000}')"
printf '  labtutor --version   %6.1f ms   %.1fx java -version (budget 4x)\n' "$(awk -v u="$mv" 'BEGIN{print u/1000}')" "$(awk -v a="$mv" -v b="$mj" 'BEGIN{print a/b}')"
printf '  labtutor lessons     %6.1f ms   %.1fx java -version (budget 5x)\n' "$(awk -v u="$ml" 'BEGIN{print u/1000}')" "$(awk -v a="$ml" -v b="$mj" 'BEGIN{print a/b}')"
printf '  lessons without AppCDS (LABTUTOR_CDS=0) %6.1f ms   %.1fx\n' "$(awk -v u="$mn" 'BEGIN{print u/1000}')" "$(awk -v a="$mn" -v b="$mj" 'BEGIN{print a/b}')"
