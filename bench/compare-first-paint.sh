#!/usr/bin/env bash
# The tutor's first paint for a returning learner (as bench/first-paint.sh: 100x30 tmux, the
# time of the first full screen written into a FIFO, after which the tutor exits) of several
# built trees, side by side: each round launches each tree in turn as a new tmux session's
# command. Prints, per tree, the median wall time (tmux new-session to the paint) and the median
# CPU time (user + sys of the launcher and the JVM, from bash's `time`; the machine's load
# inflates it much less than wall time). For measuring what one change to the start buys
# (docs/startup.md). Needs tmux.
# Usage: bench/compare-first-paint.sh RUNS TREE...
set -euo pipefail
command -v tmux >/dev/null || { echo "compare-first-paint.sh: tmux is needed" >&2; exit 2; }
n=$1; shift; vs=("$@")
tmp="$(mktemp -d)"; session="ltcmp$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; tmux kill-session -t "${session}hold" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
tmux new-session -d -s "${session}hold" "sleep 3600"
mkdir -p "$tmp/work" "$tmp/state" "$tmp/config"
printf 'hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\n' > "$tmp/work/lab.yaml"
env_line="LANG=C.UTF-8 XDG_STATE_HOME='$tmp/state' XDG_CONFIG_HOME='$tmp/config' XDG_CACHE_HOME='$tmp/cache'"
wait_pane() { for _ in $(seq 6000); do tmux capture-pane -p -t "$session" | grep -qF "$1" && return 0; sleep 0.01; done; echo "never showed $1" >&2; exit 1; }
tmux new-session -d -s "$session" -x 100 -y 30 "cd '$tmp/work' && env $env_line '${vs[0]}/labtutor'; echo TUTOR-EXITED; sleep 600"
wait_pane "Not checked yet"; tmux send-keys -t "$session" c; wait_pane "UNRCH"; tmux send-keys -t "$session" q; wait_pane "TUTOR-EXITED"
tmux kill-session -t "$session"
# warm each variant's course cache
for v in "${vs[@]}"; do
  w="$tmp/warm.$RANDOM$RANDOM"; mkfifo "$w"; exec {fd}<>"$w"
  tmux new-session -d -s "$session" -x 100 -y 30 "cd '$tmp/work' && $env_line LABTUTOR_BENCH_FIRST_PAINT='$w' '$v/labtutor'; sleep 5"
  read -r -t 60 -u "$fd" _; exec {fd}<&-; tmux kill-session -t "$session" 2>/dev/null || true
done
declare -A wall cpu
k=0
for _ in $(seq "$n"); do
  for v in "${vs[@]}"; do
    k=$(( k + 1 )); m="$tmp/p.$k"; mkfifo "$m"; exec {fd}<>"$m"
    t0=${EPOCHREALTIME/./}
    tmux new-session -d -s "$session" -x 100 -y 30 \
      "cd '$tmp/work' && TIMEFORMAT='%3U %3S'; { time env $env_line LABTUTOR_BENCH_FIRST_PAINT='$m' '$v/labtutor' 2>/dev/null; } 2>'$tmp/t.$k'; sleep 5"
    stamp=""; read -r -t 60 -u "$fd" stamp || true; exec {fd}<&-
    [[ -n "$stamp" ]] || { echo "no paint $v" >&2; exit 1; }
    for _ in $(seq 500); do [[ -s "$tmp/t.$k" ]] && break; sleep 0.02; done
    tmux kill-session -t "$session" 2>/dev/null || true
    read -r u s < "$tmp/t.$k"
    wall[$v]+=" $(( (stamp - t0) / 1000 ))"
    cpu[$v]+=" $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}')"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "load $(cut -d' ' -f1-3 /proc/loadavg), $n runs each, interleaved"
# shellcheck disable=SC2086  # each list of figures is passed as words on purpose
for v in "${vs[@]}"; do printf '%s\n  first paint wall median %5d ms   cpu median %5d ms   [%s] [%s]\n' "$v" "$(median ${wall[$v]})" "$(median ${cpu[$v]})" "${wall[$v]# }" "${cpu[$v]# }"; done
