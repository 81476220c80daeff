#!/bin/bash
# Builds one sandbox host's private view of the machine, then holds its namespaces open.
# Run as: ip netns exec NS unshare --mount --uts --propagation private bash anchor.sh HOSTDIR ROLE BINDIR
# Every mount below lives only in this host's mount namespace and vanishes with its last process.
set -eu
H=$1
ROLE=$2
BIN=$3
hostname "$ROLE"
# A fresh openEuler has no /etc/keepalived until keepalived is installed: an overlay whiteout hides the machine's.
[ -e "$H/etc/keepalived" ] || [ -L "$H/etc/keepalived" ] || mknod "$H/etc/keepalived" c 0 0
mount -t tmpfs -o mode=0755 labtutor-run /run
mkdir -p /run/labtutor /run/sshd /run/lock /run/httpd /run/.var/upper /run/.var/work
chmod 0755 /run/sshd
mount --bind "$H" /run/labtutor
mount --bind "$BIN" /usr/local/sbin
mount -t overlay labtutor-etc -o "lowerdir=/etc,upperdir=$H/etc,workdir=$H/.work/etc" /etc
mount --bind "$H/root" /root
mount -t overlay labtutor-var -o lowerdir=/var,upperdir=/run/.var/upper,workdir=/run/.var/work /var
mkdir -p /var/www/html /var/log
mount --bind /run/labtutor/www /var/www/html
mount --bind /run/labtutor/log /var/log
mount -t tmpfs -o mode=1777 labtutor-tmp /tmp
# Only net.* sysctls are per network namespace; everything else would change the real machine.
mount --bind /proc/sys /proc/sys
mount --bind /proc/sys/net /proc/sys/net
mount -o remount,bind,ro /proc/sys

# Boot: the state of a freshly installed openEuler 24.03 host.
. /usr/local/sbin/labtutor-lib.sh
if [ ! -d "$LT_STATE/rpmdb" ]; then
    mkdir -p "$LT_STATE/rpmdb" "$LT_STATE/enabled"
    for p in firewalld openssh-server vim-enhanced curl iproute procps-ng selinux-policy-targeted; do
        lt_nevra "$p" > "$LT_STATE/rpmdb/$p"
    done
    touch "$LT_STATE/enabled/firewalld" "$LT_STATE/enabled/sshd"
    echo Enforcing > "$LT_STATE/selinux"
fi
ip link set lo up
lt_log 'kernel' "Linux version $(uname -r) (labtutor sandbox host $ROLE)"
nft -f /usr/local/sbin/firewalld.nft
lt_log 'systemd[1]' 'Started firewalld - dynamic firewall daemon.'
/usr/sbin/sshd -f /run/labtutor/ssh/sshd_config -E /var/log/secure
lt_log 'systemd[1]' 'Started OpenSSH server daemon.'
echo "$$" > /run/labtutor/anchor.pid
exec -a "labtutor-anchor-$ROLE" sleep infinity
