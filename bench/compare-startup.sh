#!/usr/bin/env bash
# `labtutor --version` and `labtutor lessons` of several built trees (checkouts whose ./labtutor
# has built once), side by side: each round runs `java -version`, then each tree's two commands
# in turn, so all trees see the same machine load; medians of RUNS rounds. For measuring what
# one change to the start buys: a checkout with it and one without (docs/startup.md).
# Usage: bench/compare-startup.sh RUNS TREE...
set -euo pipefail
runs=$1; shift
trees=("$@")
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
declare -A ver les
jv=()
for t in "${trees[@]}"; do "$t/labtutor" --version >/dev/null; "$t/labtutor" lessons >/dev/null; done   # build, archive, course cache
for ((i = 0; i < runs; i++)); do
  t0=$(now_us); java -version >/dev/null 2>&1; t1=$(now_us); jv+=($(( (t1 - t0) / 1000 )))
  for t in "${trees[@]}"; do
    t0=$(now_us); "$t/labtutor" --version >/dev/null; t1=$(now_us); ver[$t]+=" $(( (t1 - t0) / 1000 ))"
    t0=$(now_us); "$t/labtutor" lessons >/dev/null; t1=$(now_us); les[$t]+=" $(( (t1 - t0) / 1000 ))"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg), $runs rounds, java -version median $(median "${jv[@]}") ms"
# shellcheck disable=SC2086  # each list of figures is passed as words on purpose
for t in "${trees[@]}"; do printf '%s\n  --version median %5d ms [%s]\n  lessons   median %5d ms [%s]\n' "$t" "$(median ${ver[$t]})" "${ver[$t]# }" "$(median ${les[$t]})" "${les[$t]# }"; done
