#!/usr/bin/env bash
# Times `labtutor sandbox up` of the five-host lab (needs root): in the VM (the path taken where the
# machine's kernel has no ip_vs or nfsd) and, side by side, on the machine's kernel (--no-vm).
# "up" returns once every host has accepted a real SSH login. For the VM it also measures qemu's
# idle CPU over 10 s once the lab is up, and its resident memory. Prints per-run figures and the
# medians; asserts nothing. Usage: bench/sandbox-up.sh [RUNS] (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
lt=./labtutor
$lt --help >/dev/null   # build first, outside the timings
root=$(mktemp -d /tmp/labtutor-bench-up.XXXXXX)
name=bup$$
subnet=10.78.$((100 + RANDOM % 100))
trap '$lt sandbox down --name "$name" --state-dir "$root" >/dev/null 2>&1 || true; rm -rf "$root"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r)"
$lt sandbox kernel | sed 's/^/  /'
declare -a vm_up vm_idle vm_rss machine_up
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  out=$($lt sandbox up --vm --name "$name" --state-dir "$root" --subnet "$subnet" 2>&1) || { echo "$out" >&2; exit 1; }
  took=$(echo "$(date +%s.%N) - $start" | bc)
  reported=$(sed -nE 's/^Sandbox .* up in ([0-9.]+) s.*/\1/p' <<<"$out")
  pid=$(cat "$root/$name/vm/qemu.pid")
  t0=$(ticks "$pid"); sleep 10; t1=$(ticks "$pid")
  idle=$(echo "scale=1; ($t1 - $t0) * 100 / $(getconf CLK_TCK) / 10" | bc)
  rss=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  $lt sandbox down --name "$name" --state-dir "$root" >/dev/null
  printf 'vm      run %d: up %5.1f s (labtutor reports %s s; JVM start included in the first), qemu idle %4s %% of a core, RSS %s MB\n' \
    "$i" "$took" "$reported" "$idle" "$rss"
  vm_up+=("$reported"); vm_idle+=("$idle"); vm_rss+=("$rss")
done
for i in $(seq "$runs"); do
  out=$($lt sandbox up --no-vm --name "$name" --state-dir "$root" --subnet "$subnet" 2>&1) || { echo "$out" >&2; exit 1; }
  reported=$(sed -nE 's/^Sandbox .* up in ([0-9.]+) s.*/\1/p' <<<"$out")
  $lt sandbox down --name "$name" --state-dir "$root" >/dev/null
  printf 'machine run %d: up %5.1f s\n' "$i" "$reported"
  machine_up+=("$reported")
done
echo
printf '%-34s %10s %10s\n' "median of $runs" "VM (TCG)" "machine"
printf '%-34s %10s %10s\n' "sandbox up, 5 hosts usable by SSH" "$(printf '%s\n' "${vm_up[@]}" | median) s" \
  "$(printf '%s\n' "${machine_up[@]}" | median) s"
printf '%-34s %10s %10s\n' "qemu idle CPU (% of one core)" "$(printf '%s\n' "${vm_idle[@]}" | median)" "-"
printf '%-34s %10s %10s\n' "qemu RSS" "$(printf '%s\n' "${vm_rss[@]}" | median) MB" "-"
echo "budgets (issue 9): up < 20 s with TCG on 2 cores, idle < 5 %, RSS < 512 MB"
