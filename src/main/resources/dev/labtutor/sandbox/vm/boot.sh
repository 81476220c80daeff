#!/bin/bash
# labtutor VM guest, PID 1 after the initrd (see vm/init). Runs the machine's own programs
# (read-only over 9p) on the distribution kernel and builds the same lab as on the machine's
# kernel: a bridge, one network namespace per host with anchor.sh, and the tap from the machine
# (eth0 here) on the bridge. Progress goes to the console, one "labtutor-vm: ..." line per step;
# labtutor on the machine waits for "host ROLE up" and "ready", and reports "FAILED: ..." lines.
# Nothing of the machine's init, services or dotfiles runs here.
set -u
LT=/.lt
S=$LT/state
M=$LT/machine
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
say() { local up; read -r up _ < /proc/uptime; echo "labtutor-vm: $* [$up]"; }
die() {
    say "FAILED: $*"
    sync
    echo b > /proc/sysrq-trigger
    sleep 60
}
# shellcheck source=/dev/null  # written by VmLab for this boot
. "$S/vm/vm.env" || die "no vm/vm.env in the state directory"
say "boot.sh"
# Under software emulation every dynamically linked program costs tens of milliseconds to start:
# the boot (this script, and anchor.sh until its pivot_root) uses busybox's static applets for the
# small tools. The hosts' own sessions never see them.
# Three busybox runs make the links (a loop of ln would itself start twenty programs).
BB=$M$LT_BUSYBOX
# shellcheck disable=SC2015  # any step failing is the one failure die reports
"$BB" mkdir -p "$LT/fast" "$LT/all" && "$BB" --install -s "$LT/all" \
    && (cd "$LT/all" && "$BB" mv mkdir ln chmod cat cp hostname mknod readlink rmdir mount umount pivot_root \
        sleep tail tr cut uname touch rm "$LT/fast/") && "$BB" rm -rf "$LT/all" \
    || die "cannot use busybox at $LT_BUSYBOX"
export PATH="$LT/fast:$PATH"

# The clock: the machine's time as its 9p server stamps a file we touch (within milliseconds).
clock_from_machine() {
    : > "$S/vm/$1" && touch "$S/vm/$1" && date -s "@$(stat -c %.9Y "$S/vm/$1")" >/dev/null
    local ok=$?
    rm -f "$S/vm/$1"
    return $ok
}
clock_from_machine clock || say "warning: could not set the clock from the machine"
# and kept: under emulation the kernel calibrates its TSC while the machine may be busy, and a
# calibration a few per cent off puts the guest's clock tens of seconds behind within minutes
# (seen at a load of 20). Log lines and the tutor's own clock must agree, so the time is taken
# from the machine again every 5 s (two program starts; a step of well under a second).
(while sleep 5; do clock_from_machine clock.keep; done) </dev/null >/dev/null 2>&1 &
say "clock set"

mount -t tmpfs -o mode=0755 labtutor-run /run
mkdir -p /run/netns /run/sshd /run/lock
mount -t tmpfs -o mode=1777 labtutor-tmp /tmp
mount -t tmpfs -o mode=0700 labtutor-home /root
mkdir -p /dev/pts /dev/shm "$LT/up/etc" "$LT/up/etc.work" "$LT/up/var" "$LT/up/var.work" "$LT/hosts"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts /dev/pts
ln -sf pts/ptmx /dev/ptmx
mount -t tmpfs -o mode=1777 labtutor-shm /dev/shm
mount -t overlay labtutor-etc -o "lowerdir=$M/etc,upperdir=$LT/up/etc,workdir=$LT/up/etc.work" /etc || die "overlay on /etc"
mount -t overlay labtutor-var -o "lowerdir=$M/var,upperdir=$LT/up/var,workdir=$LT/up/var.work" /var || die "overlay on /var"
hostname labtutor-vm
say "file systems mounted"

# Kernel modules: this kernel's tree from the machine's cache, loaded by busybox's modprobe (the
# machine may have no kmod); the kernel runs it too when a program needs a module (ip_vs_rr, nfsd, nfs).
mkdir -p "/usr/lib/modules/$LT_KVER"
mount --bind "$M$LT_MODULES" "/usr/lib/modules/$LT_KVER" || die "no modules at $LT_MODULES"
# The stand-ins (with busybox as modprobe, lsmod, ...; labtutor put them there) are the state
# directory's bin/, read over 9p; the kernel loads modules with the same modprobe.
echo "$S/bin/modprobe" > /proc/sys/kernel/modprobe
err=$("$S/bin/modprobe" -a virtio_net veth bridge ip_vs nf_tables nft_ct nft_reject_inet 2>&1) \
    || die "cannot load virtio_net, veth, bridge, ip_vs, nf_tables: $err"
say "modules loaded"

# The lab network in one ip process: the machine's tap is eth0, a port of br0 like every host's
# veth; each host gets its namespace and its veth here, its address from anchor.sh (LT_ADDR).
{
    echo "link set lo up"
    echo "link add br0 type bridge"
    echo "link set br0 up"
    echo "link set eth0 master br0"
    echo "link set eth0 up"
    echo "addr add $LT_CONTROL/24 dev br0"
    while read -r role addr; do
        [ -n "$role" ] || continue
        echo "netns add lt-$LT_NAME-$role"
        echo "link add $role type veth peer name $LT_IFACE netns lt-$LT_NAME-$role"
        echo "link set $role master br0 up"
    done < "$S/vm/hosts"
} | ip -batch - || die "cannot build the lab network (bridge, the machine's eth0, the hosts' links)"
say "network up"

# Each host: its files on tmpfs (its /etc overlay needs one), its log/ and ssh/ shared with the
# machine, and its anchor started in its network namespace by busybox (no dynamic programs).
host_up() { # role address
    local role=$1 addr=$2 ns="lt-$LT_NAME-$1" h="$LT/hosts/$1"
    mkdir -p "$h"
    cp -a "$S/hosts/$role/." "$h/" || { say "host $role FAILED: files"; return 1; }
    mount --bind "$S/hosts/$role/log" "$h/log"
    mount --bind "$S/hosts/$role/ssh" "$h/ssh"
    LT_ADDR="$addr/24" LT_DEV=$LT_IFACE "$BB" setsid "$BB" nsenter -n"/run/netns/$ns" \
        "$BB" unshare -m -u --propagation private \
        bash "$S/anchor.sh" "$h" "$role" "$S/bin" </dev/null >"$S/hosts/$role/anchor.log" 2>&1 &
    anchor[$role]=$!
}
declare -A anchor
while read -r role addr; do
    [ -n "$role" ] && host_up "$role" "$addr"
done < "$S/vm/hosts"
say "hosts started"

pending=$(cut -d' ' -f1 "$S/vm/hosts")
while [ -n "$pending" ]; do
    left=
    for role in $pending; do
        if [ -s "$LT/hosts/$role/anchor.pid" ]; then
            say "host $role up"
        elif [ -z "${anchor[$role]:-}" ] || ! kill -0 "${anchor[$role]}" 2>/dev/null; then
            say "host $role FAILED: $(tail -n 3 "$S/hosts/$role/anchor.log" 2>/dev/null | tr '\n' ' ')"
        else
            left="$left $role"
        fi
    done
    pending=$left
    [ -z "$pending" ] || sleep 0.05
done

# The control sshd: how labtutor on the machine runs commands in the hosts (vm/in-host). Started
# once the hosts are up, while labtutor logs in to them.
/usr/sbin/sshd -r -f "$S/vm/sshd_config" -E "$S/vm/control-sshd.log" 2>/dev/null \
    || /usr/sbin/sshd -f "$S/vm/sshd_config" -E "$S/vm/control-sshd.log" || die "the control sshd did not start"
say "ready"

# PID 1 from here on: reap the daemons' orphans, and keep the VM up until labtutor stops qemu.
trap '' TERM INT HUP
while :; do
    sleep 3600 &
    wait $!
done
