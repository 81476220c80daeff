#!/usr/bin/env bash
# Time from launching the tutor (`labtutor` with no arguments, in a 100x30 tmux terminal) to its
# first complete screen, median of N runs (default 10), beside `java -version` measured in the
# same run. The timed starts are a returning learner's: a first session (not timed) checks once
# and quits, leaving its progress file. Launching is measured twice, alternating: typed into a
# shell already open in the terminal (as a learner starts it; the figure the goal is about;
# the clock starts at Enter), and as the command of a new tmux session (the session and its
# shell counted as well). The tutor writes the time of its first full screen refresh to the
# file named by LABTUTOR_BENCH_FIRST_PAINT (here a FIFO) and exits. Needs tmux.
# Usage: bench/first-paint.sh [N]
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

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# MARKER: makes MARKER a FIFO for the tutor to write the time of its first paint into, and opens
# it here (read and write, so that neither side blocks in open) before the launch. Waiting on it
# costs nothing while the tutor starts; polling for a file with `sleep` started a process every
# 10 ms beside the tutor on the same two cores (with it, and the clock started before typing the
# line, the same build measured 491 ms instead of 302 to 322).
expect_paint() { mkfifo "$1"; exec {mfd}<>"$1"; }
# T0 WHAT: waits (30 s at most) for the paint time, sets ms to the time from T0 (microseconds) to
# it, and ends the session. Not in $(...): a failure must end the script.
await_paint() {
  local stamp=""
  read -r -t 30 -u "$mfd" stamp || true
  exec {mfd}<&-
  [[ -n "$stamp" ]] || { echo "first-paint.sh: run $i never painted ($2)" >&2; tmux capture-pane -p -t "$session" >&2; exit 1; }
  ms=$(( (stamp - $1) / 1000 ))
  tmux kill-session -t "$session" 2>/dev/null || true
}

paint=()
fresh=()
javav=()
env_line="LANG=C.UTF-8 XDG_STATE_HOME='$tmp/state' XDG_CONFIG_HOME='$tmp/config' XDG_CACHE_HOME='$tmp/cache'"
# The learner's first session, not timed: the tutor opens (writing the parsed-course cache under
# the run's own XDG_CACHE_HOME, and the class-data archive after a build), runs one check (the
# hosts are unreachable, which is recorded like any verdict) and quits. Every timed start then
# reads that progress file, as a returning learner's start does.
# TEXT: waits (60 s at most) until the pane shows TEXT; never while a launch is timed.
wait_pane() {
  for _ in $(seq 6000); do tmux capture-pane -p -t "$session" | grep -qF "$1" && return 0; sleep 0.01; done
  echo "first-paint.sh: the pane never showed '$1'" >&2; tmux capture-pane -p -t "$session" >&2; exit 1
}
tmux new-session -d -s "$session" -x 100 -y 30 "cd '$tmp/work' && env $env_line '$here/labtutor'; echo TUTOR-EXITED; sleep 600"
wait_pane "Not checked yet"
tmux send-keys -t "$session" c
wait_pane "UNRCH"
tmux send-keys -t "$session" q
wait_pane "TUTOR-EXITED"
tmux kill-session -t "$session"
progress=("$tmp"/state/labtutor/progress-*.json)
[[ -s "${progress[0]}" ]] || { echo "first-paint.sh: the first session left no progress file" >&2; exit 1; }

for i in $(seq "$n"); do
  t0=${EPOCHREALTIME/./}; java -version >/dev/null 2>&1; t1=${EPOCHREALTIME/./}
  javav+=($(( (t1 - t0) / 1000 )))

  # As a learner starts it: typed into a shell that is already open in the terminal. The line is
  # typed first and the clock starts when it shows on the screen, just before Enter is sent: the
  # figure runs from the learner's Enter (the tmux client delivering it, the shell's fork and exec
  # of the launcher included) to the first complete screen, not from the keystrokes before it.
  marker="$tmp/painted.$i"
  expect_paint "$marker"
  tmux new-session -d -s "$session" -x 100 -y 30 "cd '$tmp/work' && exec env $env_line LABTUTOR_BENCH_FIRST_PAINT='$marker' bash --norc --noprofile -i"
  for _ in $(seq 500); do [[ -n "$(tmux capture-pane -p -t "$session" | tr -d '[:space:]')" ]] && break; sleep 0.01; done
  tmux send-keys -t "$session" -l "'$here/labtutor'"
  wait_pane "$here/labtutor"
  t0=${EPOCHREALTIME/./}
  tmux send-keys -t "$session" Enter
  await_paint "$t0" "typed"
  paint+=("$ms")

  # The same in a new tmux session whose command is the tutor: the session, its window and the
  # shell that runs the command count too (how this script measured before).
  marker="$tmp/fresh.$i"
  expect_paint "$marker"
  t0=${EPOCHREALTIME/./}
  tmux new-session -d -s "$session" -x 100 -y 30 \
    "cd '$tmp/work' && $env_line LABTUTOR_BENCH_FIRST_PAINT='$marker' '$here/labtutor'; sleep 5"
  await_paint "$t0" "new session"
  fresh+=("$ms")
done

p=$(printf '%s\n' "${paint[@]}" | median)
f=$(printf '%s\n' "${fresh[@]}" | median)
j=$(printf '%s\n' "${javav[@]}" | median)
echo "progress file read at each start: $(stat -c %s "${progress[0]}") bytes (after one check)"
echo "first paint, typed into an open shell (100x30 tmux): median ${p} ms of $n   [${paint[*]}]"
echo "first paint, as a new tmux session's command:        median ${f} ms of $n   [${fresh[*]}]"
echo "java -version:                                       median ${j} ms of $n   [${javav[*]}]"
echo "ratio: $(awk -v p="$p" -v j="$j" 'BEGIN {printf "%.1f", p / j}')x   goal: under 500 ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
