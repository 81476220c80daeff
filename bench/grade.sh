#!/usr/bin/env bash
# bench/grade.sh N [RUNS]: grades N real hosts (network namespaces, each with its own sshd; N/2
# students with lb01 and lb02, lessons install, master and backup) with `labtutor grade`, and
# runs the probe scripts labtutor sent (taken from its evidence files) on the same hosts with
# `xargs -P` + OpenSSH `ssh`: once the same merged script per host, once the three per-lesson
# scripts per host that `check LESSON` sends. Prints the wall times (median of RUNS, default 3),
# the ratios and labtutor's peak RSS. Needs root. Everything it creates (namespaces, a bridge,
# veths, sshd processes, a temp dir) carries a random id and is removed on exit; it only talks to
# the addresses it gave its own hosts. LABTUTOR_ONLY=1 skips the OpenSSH side (for the RSS figure);
# LABTUTOR_JAVA_OPTS reaches labtutor's JVM as with the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/grade.sh N [RUNS]   (N hosts, even)}
RUNS=${2:-3}
(( N >= 2 && N <= 240 && N % 2 == 0 )) || { echo "N must be even, 2..240" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "bench/grade.sh needs root (network namespaces)" >&2; exit 2; }
for t in ip ssh ssh-keygen unshare xargs python3 /usr/sbin/sshd /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "missing: $t" >&2; exit 2; }
done
P=$(( N < 64 ? N : 64 ))

ID=$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')
TMP=$(mktemp -d "/tmp/labtutor-grade-bench.XXXXXX")
BR="ltgb$ID"
PIDS=()
NSS=()
FG=
# The pid and every descendant of PID, parents first (from /proc, by pid only).
tree() {
  local kids k
  echo "$1"
  kids=$(cat /proc/"$1"/task/*/children 2>/dev/null) || return 0
  for k in $kids; do tree "$k"; done
}
# Runs a command in the background and waits for it, so that a TERM or INT reaches the trap at
# once (bash runs a trap only after the foreground command ends) and the trap can end the
# command with everything it started (xargs, the ssh clients, labtutor's JVM).
fg() {
  "$@" <&0 &
  FG=$!
  local rc=0
  wait "$FG" || rc=$?
  FG=
  return "$rc"
}
CLEANED=
cleanup() {
  [[ -z "$CLEANED" ]] || return 0
  CLEANED=1
  set +e
  # shellcheck disable=SC2046  # tree prints pids, one word each
  if [[ -n "$FG" ]]; then kill $(tree "$FG") 2>/dev/null; wait "$FG" 2>/dev/null; fi
  # Each sshd with the session processes it forked for connections still open.
  # shellcheck disable=SC2046  # tree prints pids, one word each
  for p in "${PIDS[@]}"; do kill $(tree "$p") 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  for ns in "${NSS[@]}"; do ip netns del "$ns" 2>/dev/null; done
  ip link del "$BR" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

taken=$(ip -4 -o addr show)
for _ in $(seq 50); do
  NET="10.78.$(( RANDOM % 200 + 20 ))"
  grep -q "inet $NET\." <<<"$taken" || break
done
echo "building labtutor..." >&2
mvn -B -q -DskipTests package >/dev/null
touch target/.labtutor-built

ip link add "$BR" type bridge
ip addr add "$NET.1/24" dev "$BR"
ip link set "$BR" up
ssh-keygen -q -t ed25519 -N '' -f "$TMP/client_key"
cp "$TMP/client_key.pub" "$TMP/authorized_keys"
for i in $(seq 0 $(( N - 1 ))); do
  ns="ltg$ID-$i"
  addr="$NET.$(( 10 + i ))"
  ip netns add "$ns"
  NSS+=("$ns")
  ip link add "ltg$ID-$i" type veth peer name eth0 netns "$ns"
  ip link set "ltg$ID-$i" master "$BR" up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  ssh-keygen -q -t ed25519 -N '' -f "$TMP/host_key_$i"
  cat >"$TMP/sshd_$i.conf" <<EOF
ListenAddress $addr
HostKey $TMP/host_key_$i
AuthorizedKeysFile $TMP/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
MaxStartups 200
PidFile none
EOF
  # sshd wants /run/sshd: each gets a private /run instead of touching this machine's, and an
  # empty /root, so a login does not run this machine's dotfiles (a pyenv init in /root/.bashrc
  # made every login of both legs cost more than the grading itself).
  ip netns exec "$ns" unshare -m --propagation private sh -c \
    "mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /root && mkdir -m 755 /run/sshd && exec /usr/sbin/sshd -D -f $TMP/sshd_$i.conf -E $TMP/sshd_$i.log" &
  PIDS+=($!)
done
for i in $(seq 0 $(( N - 1 ))); do
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/$NET.$(( 10 + i ))/22") 2>/dev/null && break
    sleep 0.1
  done
done
echo "$N hosts up on $NET.0/24" >&2

{
  echo "course: keepalived-lvs"
  echo "lessons: [install, master, backup]"
  echo "defaults: { user: root, identity: \"$TMP/client_key\" }"
  echo "students:"
  for s in $(seq 0 $(( N / 2 - 1 ))); do
    printf '  - id: s%03d\n    vars: { vip: %s.250, vrid: "%d", auth-pass: "pw%06d" }\n' "$s" "$NET" $(( s % 250 + 1 )) "$s"
    printf '    hosts: { lb01: { address: %s.%d }, lb02: { address: %s.%d } }\n' "$NET" $(( 10 + 2 * s )) "$NET" $(( 11 + 2 * s ))
  done
} >"$TMP/roster.yaml"

# OUT [labtutor grade options]: grades the class into OUT with a fresh known_hosts; its wall
# time, peak RSS, user and system CPU go to $TMP/time ("%e %M %U %S").
grade() {
  local out=$1
  shift
  rm -rf "$out" "$TMP/known_hosts"
  fg /usr/bin/time -f "%e %M %U %S" -o "$TMP/time" ./labtutor grade --roster "$TMP/roster.yaml" --out "$out" \
    --parallel "$P" --timeout 600 --known-hosts "$TMP/known_hosts" --lang en "$@" >"$TMP/grade.out" 2>"$TMP/grade.err" \
    || { cat "$TMP/grade.err" >&2; exit 1; }
  local answered
  answered=$(grep -c '"state": "answered"' "$out/results.json" || true)
  [[ $answered == "$N" ]] || { echo "labtutor: only $answered of $N hosts answered" >&2; tail -3 "$TMP/grade.err" >&2; exit 1; }
}
extract() { # BOOK DEST: the script labtutor sent to each host, from evidence/<student>/<role>.txt
  mkdir -p "$2"
  for s in $(seq 0 $(( N / 2 - 1 ))); do
    for k in 0 1; do
      awk '/ probe script sent /{f=1; next} /^=+ exit status /{f=0} f' \
        "$1/evidence/$(printf 's%03d' "$s")/lb0$(( k + 1 )).txt" >"$2/$(( 2 * s + k )).sh"
    done
  done
}
LESSONS=(install master backup)
if [[ -n "${LABTUTOR_ONLY:-}" ]]; then
  for r in $(seq "$RUNS"); do
    grade "$TMP/book"
    [[ -n "${SHOW_OUT:-}" ]] && cat "$TMP/grade.out"
    read -r secs kb user sys <"$TMP/time"
    echo "labtutor grade, $N hosts, $P at once, run $r: wall $secs s, CPU $user+$sys s, peak RSS $(( kb / 1024 )) MB" \
      "(LABTUTOR_JAVA_OPTS=${LABTUTOR_JAVA_OPTS:-})"
  done
  exit 0
fi
grade "$TMP/book" && extract "$TMP/book" "$TMP/scripts-merged"
for l in "${LESSONS[@]}"; do
  grade "$TMP/book-$l" --lessons "$l" && extract "$TMP/book-$l" "$TMP/scripts-$l"
done
for i in $(seq 0 $(( N - 1 ))); do echo "merged $i"; done >"$TMP/jobs-merged"
for l in "${LESSONS[@]}"; do for i in $(seq 0 $(( N - 1 ))); do echo "$l $i"; done; done >"$TMP/jobs-lessons"

SSH_OPTS="-F /dev/null -i $TMP/client_key -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new \
 -o UserKnownHostsFile=$TMP/ssh_known_hosts -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=60"
export SSH_OPTS NET TMP
openssh() { # JOBS: runs "SCRIPTSET HOST" lines with xargs -P + ssh; sets SSH_RESULT to wall/CPU
  rm -rf "$TMP/ssh_known_hosts" "$TMP/out" && mkdir -p "$TMP/out"
  local want ok
  # fg is this script's function (it runs a command in the foreground); the script is sh -c's, expanded there.
  # shellcheck disable=SC2217,SC2016
  fg /usr/bin/time -f "%e %U %S" -o "$TMP/ssh-time" xargs -P "$P" -L1 sh -c \
    'ssh $SSH_OPTS root@$NET.$(( 10 + $2 )) sh -s <"$TMP/scripts-$1/$2.sh" >"$TMP/out/$1-$2.out" 2>"$TMP/out/$1-$2.err"' _ <"$1"
  want=$(wc -l <"$1")
  ok=$(grep -l ' END .* rc=' "$TMP"/out/*.out | wc -l)
  [[ $ok == "$want" ]] || { echo "OpenSSH: only $ok of $want scripts came back whole" >&2; exit 1; }
  SSH_RESULT=$(awk '{ printf "%s/%.2f", $1, $2 + $3 }' "$TMP/ssh-time")
}

LT=()
MERGED=()
PERLESSON=()
RSS=()
for _ in $(seq "$RUNS"); do
  grade "$TMP/book"
  read -r secs kb user sys <"$TMP/time"
  LT+=("$secs/$(python3 -c "print(round($user + $sys, 2))")")
  RSS+=("$kb")
  # Not in $(...): a failure must end the bench, and a TERM must find xargs in FG.
  openssh "$TMP/jobs-merged"
  MERGED+=("$SSH_RESULT")
  openssh "$TMP/jobs-lessons"
  PERLESSON+=("$SSH_RESULT")
done

python3 - "$N" "$P" "$RUNS" "${LT[*]}" "${MERGED[*]}" "${PERLESSON[*]}" "${RSS[*]}" <<'PY'
import statistics, sys
n, p, runs = sys.argv[1], sys.argv[2], sys.argv[3]
def split(a):  # "wall/cpu wall/cpu ..." -> ([wall], [cpu])
    pairs = [x.split("/") for x in a.split()]
    return [float(w) for w, _ in pairs], [float(c) for _, c in pairs]
(lt, ltc), (ms, msc), (pl, plc) = (split(a) for a in sys.argv[4:7])
rss = [int(x) for x in sys.argv[7].split()]
m = statistics.median
show = lambda xs: " ".join(f"{x:.2f}" for x in xs)
print(f"hosts: {n} ({int(n) // 2} students x lb01, lb02), lessons install, master, backup; {p} at once; median of {runs} runs")
print("                                                          wall (s)   client CPU (s)   wall of each run")
print(f"labtutor grade, one merged script per host:               {m(lt):7.2f}   {m(ltc):10.2f}       {show(lt)}")
print(f"xargs -P {p:<3} + OpenSSH ssh, the same merged scripts:       {m(ms):7.2f}   {m(msc):10.2f}       {show(ms)}")
print(f"xargs -P {p:<3} + OpenSSH ssh, 3 per-lesson scripts per host: {m(pl):7.2f}   {m(plc):10.2f}       {show(pl)}")
print(f"ratio labtutor / OpenSSH, wall: {m(lt) / m(ms):.2f} (same merged scripts), {m(lt) / m(pl):.2f} (per-lesson scripts)")
print(f"labtutor peak RSS: {max(rss) / 1024:.0f} MB (largest of the runs)")
print("(client CPU: user+sys of labtutor's JVM, or of xargs and every ssh it ran; the hosts' sshd and scripts not included)")
PY
