# shellcheck shell=bash
# Shared by the sandbox stand-ins (sourced, not run). State lives under /run/labtutor, which is
# this host's directory in the sandbox state dir, bind-mounted by anchor.sh. LABTUTOR_SANDBOX_ROOT
# (unset in the hosts) puts /run/labtutor and /var/log/messages under another directory, so the
# unit tests run a stand-in without a sandbox.
LT_ROOT=${LABTUTOR_SANDBOX_ROOT:-}
LT=$LT_ROOT/run/labtutor
LT_STATE=$LT/state
LT_MESSAGES=$LT_ROOT/var/log/messages
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Writes one syslog-style line into this host's /var/log/messages, as rsyslog does on openEuler
# (CentOS 7's rsyslog names systemd without its pid: "systemd: Started ...").
lt_log() { # ident message
    local host ident=$1
    read -r host < /proc/sys/kernel/hostname
    [ "$LT_FLAVOUR" = centos7 ] && [ "$ident" = 'systemd[1]' ] && ident=systemd
    printf '%(%b %e %H:%M:%S)T %s %s: %s\n' -1 "$host" "$ident" "$2" >> "$LT_MESSAGES"
}

# The distribution this host shows (openeuler, rocky9, centos7, ubuntu): the file flavour beside
# this library, which labtutor writes at `sandbox up`; LABTUTOR_SANDBOX_FLAVOUR replaces it (the
# unit tests). The tables below (units, packages) list per row the flavours it belongs to.
LT_FLAVOUR=${LABTUTOR_SANDBOX_FLAVOUR:-}
[ -n "$LT_FLAVOUR" ] || { read -r LT_FLAVOUR < "${BASH_SOURCE[0]%/*}/flavour"; } 2>/dev/null || true
LT_FLAVOUR=${LT_FLAVOUR:-openeuler}

# True when a table row's flavour column (comma-separated flavours, or *) includes this host's.
lt_for_flavour() { [ "$1" = '*' ] || [[ ,$1, == *",$LT_FLAVOUR,"* ]]; }

# Known packages (file packages next to this library): name -> what this flavour's repository
# installs (the NEVRA on the rpm flavours, the version on Ubuntu); LT_BOOT_PACKAGES lists those a
# freshly installed host already has.
declare -gA LT_PACKAGE
LT_BOOT_PACKAGES=()
lt_load_packages() {
    local flavours name boot value
    while read -r flavours name boot value; do
        case $flavours in ''|'#'*) continue ;; esac
        lt_for_flavour "$flavours" || continue
        LT_PACKAGE[$name]=$value
        [ "$boot" = yes ] && LT_BOOT_PACKAGES+=("$name")
    done < "${BASH_SOURCE[0]%/*}/packages"
}
lt_load_packages

lt_nevra() {
    [ -n "${LT_PACKAGE[$1]-}" ] || return 1
    echo "${LT_PACKAGE[$1]}"
}

lt_installed() { [ -f "$LT_STATE/rpmdb/$1" ]; }

# The unit helpers below come in two forms: lt_unit_*_v sets lt_v (no subshell: the stand-ins
# answer the checks' probes on every re-check round, and a $(...) is a fork), and lt_unit_* prints
# lt_v for callers that want a command substitution.

# The unit table (file units next to this library), loaded once: per unit its package, main pid
# file, what "active" means, its running sub-state, aliases and description.
declare -gA LT_UNIT_PACKAGE LT_UNIT_PIDFILE LT_UNIT_ACTIVE LT_UNIT_SUB LT_UNIT_DESC LT_UNIT_ALIAS
LT_UNITS=()
lt_load_units() {
    local flavours u package pidfile active sub aliases desc a
    while read -r flavours u package pidfile active sub aliases desc; do
        case $flavours in ''|'#'*) continue ;; esac
        lt_for_flavour "$flavours" || continue
        LT_UNITS+=("$u")
        LT_UNIT_PACKAGE[$u]=$package
        LT_UNIT_PIDFILE[$u]=${pidfile#-}
        LT_UNIT_ACTIVE[$u]=$active
        LT_UNIT_SUB[$u]=$sub
        LT_UNIT_DESC[$u]=$desc
        [ "$aliases" = - ] || for a in ${aliases//,/ }; do LT_UNIT_ALIAS[$a]=$u; done
    done < "${BASH_SOURCE[0]%/*}/units"
}
lt_load_units

# unit -> package that provides it; empty for unknown units.
lt_unit_package_v() { lt_v=; [ -z "$1" ] || lt_v=${LT_UNIT_PACKAGE[$1]-}; }
lt_unit_package() { lt_unit_package_v "$1"; [ -z "$lt_v" ] || echo "$lt_v"; }

lt_unit_description_v() { lt_v=; [ -z "$1" ] || lt_v=${LT_UNIT_DESC[$1]-}; }
lt_unit_description() { lt_unit_description_v "$1"; [ -z "$lt_v" ] || echo "$lt_v"; }

# unit -> its main process's pid file; empty for none.
lt_unit_pidfile_v() { lt_v=; [ -z "$1" ] || lt_v=${LT_UNIT_PIDFILE[$1]-}; }

# unit -> pid, nft or nfsd (see the table); empty for units the table does not list.
lt_unit_active_v() { lt_v=; [ -z "$1" ] || lt_v=${LT_UNIT_ACTIVE[$1]-}; }

# unit -> its sub-state while active: running for daemons, exited otherwise (and for unknown units).
lt_unit_sub_v() { lt_v=; [ -z "$1" ] || lt_v=${LT_UNIT_SUB[$1]-}; lt_v=${lt_v:-exited}; }

# package -> the unit it provides; the package's own name when the table has none.
lt_package_unit_v() {
    local u
    lt_v=$1
    for u in "${LT_UNITS[@]}"; do
        [ "${LT_UNIT_PACKAGE[$u]}" = "$1" ] && { lt_v=$u; return 0; }
    done
}

# Strips a .service suffix and maps aliases to unit names.
lt_unit_name_v() {
    lt_v=${1%.service}
    [ -z "$lt_v" ] || lt_v=${LT_UNIT_ALIAS[$lt_v]:-$lt_v}
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
