# Shared by the sandbox stand-ins (sourced, not run). State lives under /run/labtutor, which is
# this host's directory in the sandbox state dir, bind-mounted by anchor.sh.
LT=/run/labtutor
LT_STATE=$LT/state
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Writes one syslog-style line into this host's /var/log/messages, as rsyslog does on openEuler.
lt_log() { # ident message
    local host
    read -r host < /proc/sys/kernel/hostname
    printf '%(%b %e %H:%M:%S)T %s %s: %s\n' -1 "$host" "$1" "$2" >> /var/log/messages
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

# unit -> package that provides it; empty for unknown units.
lt_unit_package() {
    case $1 in
        keepalived) echo keepalived ;;
        httpd) echo httpd ;;
        firewalld) echo firewalld ;;
        nfs-server) echo nfs-utils ;;
        rpcbind) echo rpcbind ;;
        sshd) echo openssh-server ;;
    esac
}

lt_unit_description() {
    case $1 in
        keepalived) echo 'LVS and VRRP High Availability Monitor' ;;
        httpd) echo 'The Apache HTTP Server' ;;
        firewalld) echo 'firewalld - dynamic firewall daemon' ;;
        nfs-server) echo 'NFS server and services' ;;
        rpcbind) echo 'RPC Bind' ;;
        sshd) echo 'OpenSSH server daemon' ;;
    esac
}

# Strips a .service suffix and maps aliases to unit names.
lt_unit_name() {
    local u=${1%.service}
    case $u in
        nfs) echo nfs-server ;;
        *) echo "$u" ;;
    esac
}

lt_pid_alive() { # pidfile
    local pid
    [ -r "$1" ] && read -r pid < "$1" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
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
