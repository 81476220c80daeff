# Shared by the sandbox stand-ins (sourced, not run). State lives under /run/labtutor, which is
# this host's directory in the sandbox state dir, bind-mounted by anchor.sh. LABTUTOR_SANDBOX_ROOT
# (unset in the hosts) puts /run/labtutor and /var/log/messages under another directory, so the
# unit tests run a stand-in without a sandbox.
LT_ROOT=${LABTUTOR_SANDBOX_ROOT:-}
LT=$LT_ROOT/run/labtutor
LT_STATE=$LT/state
LT_MESSAGES=$LT_ROOT/var/log/messages
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Writes one syslog-style line into this host's /var/log/messages, as rsyslog does on openEuler.
lt_log() { # ident message
    local host
    read -r host < /proc/sys/kernel/hostname
    printf '%(%b %e %H:%M:%S)T %s %s: %s\n' -1 "$host" "$1" "$2" >> "$LT_MESSAGES"
}

# Known packages: name -> NEVRA an openEuler 24.03 SP1 repository would install.
lt_nevra() {
    case $1 in
        keepalived) echo keepalived-2.2.8-1.oe2403sp1.x86_64 ;;
        ipvsadm) echo ipvsadm-1.31-6.oe2403sp1.x86_64 ;;
        httpd) echo httpd-2.4.58-4.oe2403sp1.x86_64 ;;
        nfs-utils) echo nfs-utils-2.6.4-1.oe2403sp1.x86_64 ;;
        rpcbind) echo rpcbind-1.2.6-5.oe2403sp1.x86_64 ;;
        firewalld) echo firewalld-2.1.1-1.oe2403sp1.noarch ;;
        openssh-server) echo openssh-server-9.6p1-1.oe2403sp1.x86_64 ;;
        vim-enhanced) echo vim-enhanced-9.0.2092-8.oe2403sp1.x86_64 ;;
        curl) echo curl-8.4.0-9.oe2403sp1.x86_64 ;;
        iproute) echo iproute-6.6.0-2.oe2403sp1.x86_64 ;;
        procps-ng) echo procps-ng-4.0.4-5.oe2403sp1.x86_64 ;;
        selinux-policy-targeted) echo selinux-policy-targeted-40.7-2.oe2403sp1.noarch ;;
        *) return 1 ;;
    esac
}

lt_installed() { [ -f "$LT_STATE/rpmdb/$1" ]; }

# The unit helpers below come in two forms: lt_unit_*_v sets lt_v (no subshell: the stand-ins
# answer the checks' probes on every re-check round, and a $(...) is a fork), and lt_unit_* prints
# lt_v for callers that want a command substitution.

# unit -> package that provides it; empty for unknown units.
lt_unit_package_v() {
    case $1 in
        keepalived) lt_v=keepalived ;;
        httpd) lt_v=httpd ;;
        firewalld) lt_v=firewalld ;;
        nfs-server) lt_v=nfs-utils ;;
        rpcbind) lt_v=rpcbind ;;
        sshd) lt_v=openssh-server ;;
        *) lt_v= ;;
    esac
}
lt_unit_package() { lt_unit_package_v "$1"; [ -z "$lt_v" ] || echo "$lt_v"; }

lt_unit_description_v() {
    case $1 in
        keepalived) lt_v='LVS and VRRP High Availability Monitor' ;;
        httpd) lt_v='The Apache HTTP Server' ;;
        firewalld) lt_v='firewalld - dynamic firewall daemon' ;;
        nfs-server) lt_v='NFS server and services' ;;
        rpcbind) lt_v='RPC Bind' ;;
        sshd) lt_v='OpenSSH server daemon' ;;
        *) lt_v= ;;
    esac
}
lt_unit_description() { lt_unit_description_v "$1"; [ -z "$lt_v" ] || echo "$lt_v"; }

# Strips a .service suffix and maps aliases to unit names.
lt_unit_name_v() {
    lt_v=${1%.service}
    case $lt_v in
        nfs) lt_v=nfs-server ;;
    esac
}
lt_unit_name() { lt_unit_name_v "$1"; echo "$lt_v"; }

lt_pid_alive() { # pidfile
    local pid
    [ -r "$1" ] && read -r pid < "$1" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# As lt_pid_alive, and lt_v is the pid (empty when the process is not alive).
lt_pid_alive_v() { # pidfile
    lt_v=
    if [ -r "$1" ] && read -r lt_v < "$1" && [ -n "$lt_v" ] && kill -0 "$lt_v" 2>/dev/null; then return 0; fi
    lt_v=
    return 1
}

# The machine's Apache: Debian's apache2 or a RHEL-family httpd (then /usr/sbin/httpd), and its modules.
lt_apache() {
    if [ -x /usr/sbin/apache2 ]; then echo /usr/sbin/apache2
    elif [ -x /usr/sbin/httpd ]; then echo /usr/sbin/httpd
    else return 1
    fi
}

lt_apache_modules() {
    local d
    for d in /usr/lib/apache2/modules /usr/lib64/httpd/modules /usr/lib/httpd/modules; do
        [ -d "$d" ] && { echo "$d"; return 0; }
    done
    return 1
}

# Starts this host's sshd. -r (no re-exec of sshd for each connection) makes a login under
# software emulation several times cheaper; an sshd that does not know -r is started without it.
lt_start_sshd() {
    /usr/sbin/sshd -r -f /run/labtutor/ssh/sshd_config -E /var/log/secure 2>/dev/null \
        || /usr/sbin/sshd -f /run/labtutor/ssh/sshd_config -E /var/log/secure
}
