#!/usr/bin/env bash
# Time from launching the tutor (`labtutor` with no arguments, in a 100x30 tmux terminal) to its
# first complete screen, median of N runs (default 10), beside `java -version` measured in the
# same run. The tutor writes the time of its first full screen refresh to the file named by
# LABTUTOR_BENCH_FIRST_PAINT and exits. Needs tmux. Usage: bench/first-paint.sh [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10}"
command -v tmux >/dev/null || { echo "first-paint.sh: tmux is needed" >&2; exit 2; }
"$here/labtutor" --version >/dev/null   # builds when the sources changed

tmp="$(mktemp -d)"
session="ltfp$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; tmux kill-session -t "${session}hold" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
# A session that keeps the tmux server up for the whole run: each measured launch then pays for
# a new tmux window and its shell, as a learner's terminal would, not for starting tmux itself.
tmux new-session -d -s "${session}hold" "sleep 3600"
mkdir -p "$tmp/work" "$tmp/state" "$tmp/config"
# A lab the tutor never contacts before its first screen (the port is closed anyway).
printf 'hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\n' > "$tmp/work/lab.yaml"

now_us() { echo $(( $(date +%s%N) / 1000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

paint=()
javav=()
for i in $(seq "$n"); do
  t0=$(now_us); java -version >/dev/null 2>&1; t1=$(now_us)
  javav+=($(( (t1 - t0) / 1000 )))

  marker="$tmp/painted.$i"
  t0=$(now_us)
  tmux new-session -d -s "$session" -x 100 -y 30 \
    "cd '$tmp/work' && LANG=C.UTF-8 XDG_STATE_HOME='$tmp/state' XDG_CONFIG_HOME='$tmp/config' LABTUTOR_BENCH_FIRST_PAINT='$marker' '$here/labtutor'; sleep 5"
  for _ in $(seq 3000); do [[ -s "$marker" ]] && break; sleep 0.01; done
  [[ -s "$marker" ]] || { echo "first-paint.sh: run $i never painted" >&2; tmux capture-pane -p -t "$session" >&2; exit 1; }
  t1=$(head -1 "$marker")
  paint+=($(( (t1 - t0) / 1000 )))
  tmux kill-session -t "$session" 2>/dev/null || true
done

p=$(printf '%s\n' "${paint[@]}" | median)
j=$(printf '%s\n' "${javav[@]}" | median)
echo "first paint (labtutor, 100x30 tmux): median ${p} ms of $n   [${paint[*]}]"
echo "java -version:                       median ${j} ms of $n   [${javav[*]}]"
echo "ratio: $(awk -v p="$p" -v j="$j" 'BEGIN {printf "%.1f", p / j}')x   goal: under 500 ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
