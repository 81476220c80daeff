#!/bin/bash
# Builds one sandbox host's own root, then holds its namespaces open.
# Run as: ip netns exec NS unshare --mount --uts --propagation private bash anchor.sh HOSTDIR ROLE BINDIR
# The same script runs on the machine's kernel and inside the VM (there / is the VM's view of the
# machine, and LT_ADDR/LT_DEV, when set, are the address to give the host's lab interface). Every
# mount below lives only in this host's mount namespace and vanishes with its last process.
#
# The host's / is a fresh tmpfs, as on a freshly installed machine: the programs (/usr and the
# top-level links or directories that point into it) are bound read-only from the machine; /etc and
# /var are overlays whose changes land in HOSTDIR and /run; /root, /var/log and /var/www/html are
# the host's own directories; everything else (/data, /srv, /home, /mnt, ...) starts empty and is
# the host's alone, so a directory the learner creates can be exported over NFS and is not seen by
# the other hosts or the machine.
set -eu
H=$1
ROLE=$2
BIN=$3
hostname "$ROLE"
# A fresh openEuler has no /etc/keepalived until keepalived is installed: an overlay whiteout hides the machine's.
[ -e "$H/etc/keepalived" ] || [ -L "$H/etc/keepalived" ] || mknod "$H/etc/keepalived" c 0 0
R=$H.root
mkdir -p "$R" "$H/.work/etc"
mount -t tmpfs -o mode=0755 labtutor-root "$R"
dirs=("$R/etc" "$R/var" "$R/run" "$R/tmp" "$R/root" "$R/proc" "$R/sys" "$R/dev" "$R/.old")
programs=()
for e in /*; do
    n=${e#/}
    if [ -L "$e" ]; then
        ln -s "$(readlink "$e")" "$R/$n"
    elif [ -d "$e" ]; then
        dirs+=("$R/$n")
        case $n in
            usr|bin|sbin|lib|lib32|lib64|libx32) programs+=("$n") ;;
        esac
    fi
done
mkdir -p "${dirs[@]}"
chmod 0700 "$R/root"
chmod 1777 "$R/tmp"
for n in "${programs[@]}"; do
    mount --rbind "/$n" "$R/$n"
    mount -o remount,bind,ro "$R/$n"
done
mount -t overlay labtutor-etc -o "lowerdir=/etc,upperdir=$H/etc,workdir=$H/.work/etc" "$R/etc"
mount -t tmpfs -o mode=0755 labtutor-run "$R/run"
mkdir -p "$R/run/labtutor" "$R/run/sshd" "$R/run/lock" "$R/run/httpd" "$R/run/.var/upper" "$R/run/.var/work"
chmod 0755 "$R/run/sshd"
mount --rbind "$H" "$R/run/labtutor"
mount --rbind "$BIN" "$R/usr/local/sbin"
mount --bind "$H/root" "$R/root"
mount -t overlay labtutor-var -o "lowerdir=/var,upperdir=$R/run/.var/upper,workdir=$R/run/.var/work" "$R/var"
mkdir -p "$R/var/www/html" "$R/var/log"
mount --bind "$H/www" "$R/var/www/html"
mount --bind "$H/log" "$R/var/log"
mount -t tmpfs -o mode=1777 labtutor-tmp "$R/tmp"
mount --rbind /dev "$R/dev"
mount -t sysfs sysfs "$R/sys" 2>/dev/null || mount --rbind /sys "$R/sys"
mount -t proc proc "$R/proc" 2>/dev/null || mount --rbind /proc "$R/proc"
# Only net.* sysctls are per network namespace; everything else would change the real machine.
mount --bind "$R/proc/sys" "$R/proc/sys"
mount --bind "$R/proc/sys/net" "$R/proc/sys/net"
mount -o remount,bind,ro "$R/proc/sys"
cd "$R"
pivot_root . .old
cd /
# From here on only the host's own files exist. In the VM its bin has busybox: the few small tools
# below use it (a dynamically linked program costs ten times more to start under emulation).
bb=
[ -x /usr/local/sbin/busybox ] && bb=/usr/local/sbin/busybox
$bb umount -l /.old
$bb rmdir /.old

# Boot: the state of a freshly installed host of the sandbox's flavour (bin/flavour): its base
# packages, its firewall on at boot, SELinux enforcing where the flavour has SELinux.
# shellcheck source=bin/labtutor-lib.sh
. /usr/local/sbin/labtutor-lib.sh
if [ ! -d "$LT_STATE/rpmdb" ]; then
    $bb mkdir -p "$LT_STATE/rpmdb" "$LT_STATE/enabled" "$LT_STATE/active"
    for p in "${LT_BOOT_PACKAGES[@]}"; do
        lt_nevra "$p" > "$LT_STATE/rpmdb/$p"
    done
    if [ "$LT_FLAVOUR" = ubuntu ]; then
        : > "$LT_STATE/enabled/ufw"
        : > "$LT_STATE/enabled/ssh"
    else
        : > "$LT_STATE/enabled/firewalld"
        : > "$LT_STATE/enabled/sshd"
        echo Enforcing > "$LT_STATE/selinux"
    fi
fi
if [ -n "${LT_ADDR:-}" ]; then
    $bb ip addr add "$LT_ADDR" dev "$LT_DEV"
    $bb ip link set "$LT_DEV" up
fi
$bb ip link set lo up
unset LT_ADDR LT_DEV
read -r release < /proc/sys/kernel/osrelease
lt_log 'kernel' "Linux version $release (labtutor sandbox host $ROLE)"
if [ "$LT_FLAVOUR" = ubuntu ]; then
    # ufw.service: the rules when /etc/ufw/ufw.conf says ENABLED=yes (the flag is what ufw status reads).
    : > "$LT_STATE/active/ufw"
    if grep -q '^ENABLED=yes' /etc/ufw/ufw.conf 2>/dev/null; then
        nft -f /usr/local/sbin/ufw.nft
        : > "$LT_STATE/ufw-on"
    fi
    lt_log 'systemd[1]' 'Finished ufw.service - Uncomplicated firewall.'
    lt_start_sshd
    lt_log 'systemd[1]' 'Started ssh.service - OpenBSD Secure Shell server.'
else
    nft -f /usr/local/sbin/firewalld.nft
    lt_log 'systemd[1]' 'Started firewalld - dynamic firewall daemon.'
    lt_start_sshd
    lt_log 'systemd[1]' 'Started OpenSSH server daemon.'
fi
echo "$$" > /run/labtutor/anchor.pid
exec -a "labtutor-anchor-$ROLE" sleep infinity
