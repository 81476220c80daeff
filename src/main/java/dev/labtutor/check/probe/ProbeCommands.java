package dev.labtutor.check.probe;

import static dev.labtutor.lab.Shell.quote;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The POSIX sh fragment that answers one {@link Probe}. Every argument is checked against a strict per-kind pattern
 * before any shell text is built, then single-quoted, so a value taken from a lab file or a course never reaches the
 * remote shell as code (COMMAND is the one deliberate exception: its argument is course-authored shell text).
 *
 * <p>The fragments print small {@code labtutor:} tag lines around tool output where a parser needs to know which
 * fallback ran. The tags are fixed strings; they are not a security boundary (the batch delimiters in
 * {@link ProbeScript} are), so a learner's own file that imitates one can only confuse the check about that learner's
 * own host.
 *
 * <p>Every process a fragment starts costs milliseconds on a lab VM (several under load), and a re-check round runs the
 * fragments on every host, so they start as few as they can without changing what they print: {@code exec} for a tool
 * that is the fragment's last word (its exit status is the probe's), builtins instead of {@code dirname} and of a
 * {@code grep} over a small file, a {@code $(tool)} (whose child is the tool itself) instead of a pipe into a second
 * tool.
 */
public final class ProbeCommands {

    /** Bytes of one file printed by FILE and KEEPALIVED_CONFIG. */
    public static final int FILE_CAP = 262_144;
    /** Lines of log asked for by LOG. */
    public static final int LOG_LINES = 300;
    /** Event lines kept by LOG_EVENTS: the last ones of the whole log. */
    public static final int EVENT_LINES = 400;
    /**
     * What LOG_EVENTS keeps of a log (an extended regular expression): keepalived's VRRP state changes (2.x "(VI_1)
     * Entering MASTER STATE", 1.3 "VRRP_Instance(VI_1) Entering MASTER STATE"), its starts and stops, and the checker
     * taking real servers out of a pool and back.
     */
    public static final String EVENT_PATTERN = "Entering [A-Z]+ STATE|Starting Keepalived|Stopped Keepalived|Stopping"
            + "|Removing service|Adding service";
    /** Marker line curl prints after each body (HTTP probe), followed by the status code. */
    public static final String HTTP_MARKER = "labtutor:http";
    /** Line printed after each curl run, followed by curl's exit status. */
    public static final String HTTP_RC_MARKER = "labtutor:http-rc";

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._:-]{1,200}");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._-]{0,199}");
    private static final Pattern SYSCTL = Pattern.compile("[a-z][A-Za-z0-9_./-]{0,199}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._@+/-]{0,4095}");
    private static final Pattern URL =
            Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][A-Za-z0-9._~:/?#@&+,;=%-]*)?");
    private static final Pattern URL_V6 =
            Pattern.compile("https?://\\[[0-9A-Fa-f:]+\\](:[0-9]{1,5})?([/?#][A-Za-z0-9._~:/?#@&+,;=%-]*)?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,2}");
    private static final Pattern IPV4 = Pattern
            .compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

    private ProbeCommands() {
    }

    /**
     * The shell fragment for {@code p}, meant to run as {@code sh -c FRAGMENT} with {@code LC_ALL=C} and a PATH that
     * includes the sbin directories.
     *
     * @throws IllegalArgumentException naming the bad value when an argument is missing or does not match its kind's
     *     pattern
     */
    public static String shell(Probe p) {
        return switch (p.kind()) {
            case ADDRESSES -> addresses(p);
            case SYSCTL -> sysctl(p);
            case UNIT -> unit(p);
            case PACKAGE -> pkg(p);
            case FILE -> file(p);
            case KEEPALIVED_CONFIG -> keepalivedConfig(p);
            case KEEPALIVED_TEST -> keepalivedTest(p);
            case IPVS -> ipvs(p);
            case SELINUX -> selinux(p);
            case FIREWALLD -> firewalld(p);
            case UFW -> ufw(p);
            case HTTP -> http(p);
            case LOG -> log(p);
            case LOG_EVENTS -> logEvents(p);
            case COMMAND -> command(p);
            case SYSCTL_CONF -> sysctlConf(p);
            case MOUNTS -> mounts(p);
            case EXPORTS -> exports(p);
            case SHOWMOUNT -> showmount(p);
            case OS -> os(p);
        };
    }

    /**
     * The unit name for systemctl: {@code keepalived} becomes {@code keepalived.service}; a name that already carries a
     * unit type suffix is used as given.
     */
    static String serviceName(String unit) {
        return unit.matches(".*\\.(service|socket|timer|target|mount|path)") ? unit : unit + ".service";
    }

    /** The process name pidof looks for: the unit name without {@code .service}. */
    static String processName(String unit) {
        return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }

    private static String addresses(Probe p) {
        noArgs(p);
        return "ip -j -4 addr show 2>/dev/null || { echo 'labtutor:ip-text'; ip -4 -o addr show; r=$?;"
                + " echo 'labtutor:ip-link'; ip -o link show; exit $r; }";
    }

    /**
     * {@code sysctl PREFIX}: for a directory of keys sysctl prints every key below it exactly as {@code sysctl -a} does
     * (same walk, same order, deprecated keys skipped, dotted key names with the dots of interface names turned into
     * slashes), so the output is byte for byte what {@code sysctl -a | grep -E '^PREFIX( |\.)'} printed, from one
     * process that reads only that part of /proc/sys instead of two that read all of it. Unreadable keys are dropped
     * with {@code 2>/dev/null}; as grep did, the probe exits 1 with no output when no key matches (sysctl itself exits
     * 255 for an unknown key). The prefix cannot hold {@code =}, so sysctl never takes it as an assignment.
     *
     * <p>Why not read /proc/sys with shell builtins: dash's {@code read} reads one byte per system call, and a sysctl
     * file answers a read past offset 0 with end of file, so it would see only the first character of every value.
     */
    private static String sysctl(Probe p) {
        String prefix = arg(p, 0, SYSCTL, "sysctl key prefix");
        if (prefix.contains("..") || prefix.endsWith(".")) {
            throw bad("sysctl key prefix", prefix);
        }
        return "command -v sysctl >/dev/null 2>&1 || { echo 'labtutor: sysctl not found' >&2; exit 127; }; "
                + "o=$(sysctl " + quote(prefix) + " 2>/dev/null); [ -n \"$o\" ] || exit 1; printf '%s\\n' \"$o\"";
    }

    /**
     * {@code systemctl show}; where systemd is not running (a container, a host booted with another init) the process
     * is looked up with pidof, and whether the unit starts at boot is still asked of {@code systemctl is-enabled},
     * which reads the unit files without systemd. A loaded unit whose {@code UnitFileState=} is empty (systemd 219 on
     * CentOS 7 for a unit generated from a SysV init script, and older systemd for any unit it could not tell) is asked
     * of {@code systemctl is-enabled} too, which on CentOS 7 asks chkconfig.
     */
    private static String unit(Probe p) {
        String unit = arg(p, 0, UNIT, "unit name");
        return "o=$(systemctl show -p LoadState,ActiveState,SubState,UnitFileState --no-pager "
                + quote(serviceName(unit)) + " 2>&1); " + "case \"$o\" in *LoadState=*) printf '%s\\n' \"$o\"; "
                + "case \"$o\" in *LoadState=loaded*) case \"$o\" in *UnitFileState=[a-z]*) ;; *) "
                + "echo 'labtutor:is-enabled'; systemctl is-enabled " + quote(serviceName(unit))
                + " 2>&1; echo \"labtutor:is-enabled-rc $?\" ;; esac ;; esac ;; "
                + "*) [ -n \"$o\" ] && printf '%s\\n' \"$o\" >&2; echo 'labtutor:pidof'; pidof "
                + quote(processName(unit)) + "; echo \"labtutor:pidof-rc $?\"; "
                + "if command -v systemctl >/dev/null 2>&1; then echo 'labtutor:is-enabled'; systemctl is-enabled "
                + quote(serviceName(unit)) + " 2>&1; echo \"labtutor:is-enabled-rc $?\"; fi ;; esac";
    }

    /**
     * The family's own package tool: dpkg-query on a host whose os-release names debian or ubuntu in ID or ID_LIKE
     * (Debian can install the rpm package, whose empty database would call everything "not installed"), else rpm, else
     * dpkg-query, else the binary on PATH. os-release is read with builtins, its first 100 lines, as OS reads it.
     */
    private static String pkg(Probe p) {
        String q = quote(arg(p, 0, PACKAGE, "package name"));
        String dpkg = "echo 'labtutor:via dpkg'; exec dpkg-query -W -f='${Status} ${Version}\\n' " + q + "; ";
        return "d=; f=/etc/os-release; [ -f $f ] || f=/usr/lib/os-release; if [ -f $f ] && [ -r $f ]; then n=0; "
                + "while [ $n -lt 100 ] && { IFS= read -r l || [ -n \"$l\" ]; }; do n=$((n+1)); "
                + "case $l in ID=*|ID_LIKE=*) case $l in *debian*|*ubuntu*) d=1 ;; esac ;; esac; done < $f; fi; "
                + "if [ -n \"$d\" ] && command -v dpkg-query >/dev/null 2>&1; then " + dpkg
                + "elif command -v rpm >/dev/null 2>&1; then echo 'labtutor:via rpm'; exec rpm -q " + q + "; "
                + "elif command -v dpkg-query >/dev/null 2>&1; then " + dpkg
                + "else echo 'labtutor:via path'; command -v " + q + "; fi";
    }

    private static String file(Probe p) {
        String q = quote(arg(p, 0, PATH, "absolute path"));
        return "f=" + q + "; if [ ! -e \"$f\" ]; then echo 'labtutor:file missing'; "
                + "elif [ ! -f \"$f\" ] || [ ! -r \"$f\" ]; then echo 'labtutor:file unreadable'; "
                + "else echo \"labtutor:file ok $(wc -c < \"$f\")\"; exec head -c " + FILE_CAP + " \"$f\"; fi";
    }

    /**
     * Main file, then one level of {@code include}: each pattern (quotes stripped, relative to the main file's
     * directory) is glob-expanded by the shell and every match printed after a {@code labtutor:cfg-file PATH} line; a
     * pattern with no match is reported on a {@code labtutor:cfg-unmatched PATTERN} line. Includes inside included
     * files are not followed: the course's layouts use a single conf.d level. A line counts as an include when it
     * starts with {@code include}, as keepalived 2.2.7 itself decides (it even takes {@code includea x}, see the
     * corpus' grammar-include-missing sample).
     *
     * <p>Only a regular file is read (a link to {@code /dev/zero} is reported unreadable), and include lines are looked
     * for in the part of the file that is printed: a grep over a gigabyte, or over a device that never ends, would cost
     * the host's whole deadline.
     */
    private static String keepalivedConfig(Probe p) {
        String path = arg(p, 0, PATH, "absolute path");
        String q = quote(path);
        // The include lines are taken with one $(grep) and read back from a here-document: a
        // pipe into the loop would fork a subshell for it besides grep.
        return "f=" + q + "; d=" + quote(dirname(path)) + "; "
                + "if [ ! -e \"$f\" ]; then echo 'labtutor:cfg-missing'; exit 0; fi; "
                + "if [ ! -f \"$f\" ] || [ ! -r \"$f\" ]; then echo 'labtutor:cfg-unreadable'; exit 0; fi; "
                + "echo \"labtutor:cfg-file $f\"; head -c " + FILE_CAP + " \"$f\"; echo; " + "i=$(head -c " + FILE_CAP
                + " \"$f\" | grep -a -E '^[[:space:]]*include') || exit 0; " + "while read -r kw pat rest; do "
                + "pat=${pat#\\\"}; pat=${pat%\\\"}; [ -n \"$pat\" ] || continue; "
                + "case \"$pat\" in /*) g=$pat ;; *) g=$d/$pat ;; esac; " + "set -- $g; "
                + "if [ \"$#\" -eq 1 ] && [ ! -e \"$1\" ]; then echo \"labtutor:cfg-unmatched $pat\"; continue; fi; "
                + "for m in \"$@\"; do [ -f \"$m\" ] || continue; echo \"labtutor:cfg-file $m\"; " + "head -c "
                + FILE_CAP + " \"$m\"; echo; done; done <<LT_INCLUDES\n$i\nLT_INCLUDES\n";
    }

    /** What dirname(1) prints for an absolute path. */
    static String dirname(String path) {
        String s = path.replaceAll("/+$", "");
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            return "/";
        }
        s = s.substring(0, slash).replaceAll("/+$", "");
        return s.isEmpty() ? "/" : s;
    }

    private static String keepalivedTest(Probe p) {
        String q = quote(arg(p, 0, PATH, "absolute path"));
        return "if command -v keepalived >/dev/null 2>&1; then exec keepalived -t -f " + q + "; "
                + "else echo 'labtutor:keepalived-missing'; exit 127; fi";
    }

    private static String ipvs(Probe p) {
        noArgs(p);
        return "if command -v ipvsadm >/dev/null 2>&1; then exec ipvsadm -Ln; "
                + "else echo 'labtutor:ipvsadm-missing'; exit 127; fi";
    }

    private static String selinux(Probe p) {
        noArgs(p);
        // The SELINUX= lines of the config (a small file) with builtins, as grep -E
        // '^[[:space:]]*SELINUX=' prints them.
        return "if command -v getenforce >/dev/null 2>&1; then echo \"labtutor:getenforce $(getenforce 2>&1)\"; "
                + "else echo 'labtutor:getenforce-missing'; fi; "
                + "if [ -r /etc/selinux/config ]; then echo 'labtutor:config'; "
                + "while IFS= read -r l || [ -n \"$l\" ]; do case ${l#\"${l%%[![:space:]]*}\"} in SELINUX=*) printf '%s\\n' \"$l\" ;; esac; "
                + "done < /etc/selinux/config; fi; exit 0";
    }

    private static String firewalld(Probe p) {
        noArgs(p);
        return "if command -v firewall-cmd >/dev/null 2>&1; then echo 'labtutor:via firewall-cmd'; firewall-cmd --state 2>&1; "
                + "elif command -v systemctl >/dev/null 2>&1; then echo 'labtutor:via systemctl'; systemctl is-active firewalld 2>&1; "
                + "else echo 'labtutor:via none'; fi; exit 0";
    }

    /**
     * {@code ufw status} when ufw is installed (it needs root, as every probe has: the batch runs as root or through
     * {@code sudo -n}), then the ENABLED= lines of /etc/ufw/ufw.conf, which ufw-init sources at boot, read with
     * builtins as the SELINUX fragment does: only a regular file, its first 1000 lines (the shipped file has 10).
     */
    private static String ufw(Probe p) {
        noArgs(p);
        return "if command -v ufw >/dev/null 2>&1; then echo 'labtutor:ufw'; ufw status 2>&1; echo \"labtutor:ufw-rc $?\"; "
                + "else echo 'labtutor:ufw-missing'; fi; "
                + "f=/etc/ufw/ufw.conf; if [ -f $f ] && [ -r $f ]; then echo 'labtutor:ufw-conf'; n=0; "
                + "while [ $n -lt 1000 ] && { IFS= read -r l || [ -n \"$l\" ]; }; do n=$((n+1)); "
                + "case ${l#\"${l%%[![:space:]]*}\"} in ENABLED=*) printf '%s\\n' \"$l\" ;; esac; "
                + "done < $f; fi; exit 0";
    }

    private static String http(Probe p) {
        if (p.args().size() != 2) {
            throw new IllegalArgumentException("HTTP probe needs a URL and a count, got " + p.args());
        }
        String url = p.arg(0);
        if (url.length() > 2000 || !(URL.matcher(url).matches() || URL_V6.matcher(url).matches())) {
            throw bad("URL", url);
        }
        String count = p.arg(1);
        if (!COUNT.matcher(count).matches() || Integer.parseInt(count) < 1 || Integer.parseInt(count) > 50) {
            throw bad("repeat count (1..50)", count);
        }
        return "i=0; while [ $i -lt " + Integer.parseInt(count) + " ]; do i=$((i+1)); " + "curl -s -m 3 -o - -w '\\n"
                + HTTP_MARKER + " %{http_code}\\n' " + quote(url) + "; " + "echo \"" + HTTP_RC_MARKER + " $?\"; done";
    }

    /**
     * journalctl first; when it is missing, fails or has nothing ("No journal files were found", "-- No entries --"),
     * the unit's lines from /var/log/messages (or /var/log/syslog where messages does not exist). The first stdout line
     * names the source ({@code none} when neither file exists).
     */
    private static String log(Probe p) {
        String unit = arg(p, 0, UNIT, "unit name");
        return journalOrSyslog(unit, LOG_LINES, "printf '%s\\n' \"$o\"", "tail -n " + LOG_LINES);
    }

    /**
     * As LOG, but the whole log filtered to {@link #EVENT_PATTERN} (so a failover an hour and thousands of lines ago is
     * still seen), streamed through grep rather than held in a variable: a log of any size costs no memory. Whether the
     * journal has the unit is asked first with one line.
     */
    private static String logEvents(Probe p) {
        String unit = arg(p, 0, UNIT, "unit name");
        String keep = "grep -E " + quote(EVENT_PATTERN) + " | tail -n " + EVENT_LINES;
        return journalOrSyslog(unit, 1, "journalctl -u " + quote(unit) + " --no-pager -o short 2>/dev/null | " + keep,
                keep) + "; exit 0";
    }

    /**
     * The unit's journal when it has entries ({@code journal}: what to print then; the first {@code probeLines} lines
     * are in {@code $o}), else /var/log/messages or syslog grepped for the unit's process and piped into
     * {@code filter}. The first line names the source; a journalctl complaint goes to stderr.
     */
    private static String journalOrSyslog(String unit, int probeLines, String journal, String filter) {
        return "o=$(journalctl -u " + quote(unit) + " -n " + probeLines + " --no-pager -o short 2>&1); r=$?; "
                + "case \"$o\" in ''|*'No journal files were found'*|*'-- No entries --'*) r=1 ;; esac; "
                + "if [ $r -eq 0 ]; then echo 'labtutor:source journal'; " + journal + "; "
                + "else [ -n \"$o\" ] && printf '%s\\n' \"$o\" >&2; "
                + "m=/var/log/messages; [ -e $m ] || m=/var/log/syslog; "
                + "if [ -e $m ]; then echo \"labtutor:source $m\"; " + "grep -i " + quote(processName(unit))
                + " \"$m\" | " + filter + "; " + "else echo 'labtutor:source none'; fi; fi";
    }

    private static String command(Probe p) {
        if (p.args().size() != 1 || p.arg(0).isBlank() || p.arg(0).indexOf('\0') >= 0) {
            throw new IllegalArgumentException("COMMAND probe needs one non-empty command, got " + p.args());
        }
        return "exec sh -c " + quote(p.arg(0));
    }

    /**
     * Every file systemd-sysctl and {@code sysctl --system} read, each after a {@code labtutor:sysctl-file PATH} line;
     * the precedence between them is the parser's job.
     */
    private static String sysctlConf(Probe p) {
        noArgs(p);
        return "for f in /etc/sysctl.d/*.conf /run/sysctl.d/*.conf /usr/local/lib/sysctl.d/*.conf /usr/lib/sysctl.d/*.conf "
                + "/lib/sysctl.d/*.conf /etc/sysctl.conf; do [ -f \"$f\" ] || continue; echo \"labtutor:sysctl-file $f\"; "
                + "head -c " + FILE_CAP + " \"$f\"; echo; done; exit 0";
    }

    private static String mounts(Probe p) {
        noArgs(p);
        return "exec cat /proc/self/mounts";
    }

    /**
     * {@code exportfs -v} when nfs-utils is installed; whether this kernel can serve NFS at all (nfsd registered, or
     * its module present); and the export files as written.
     */
    private static String exports(Probe p) {
        noArgs(p);
        return "if command -v exportfs >/dev/null 2>&1; then echo 'labtutor:exportfs'; exportfs -v 2>&1; "
                + "echo \"labtutor:exportfs-rc $?\"; else echo 'labtutor:exportfs-missing'; fi; "
                + "if grep -qw nfsd /proc/filesystems 2>/dev/null || ls /lib/modules/\"$(uname -r)\"/kernel/fs/nfsd/nfsd.ko* "
                + ">/dev/null 2>&1; then echo 'labtutor:nfsd yes'; else echo 'labtutor:nfsd no'; fi; "
                + "for f in /etc/exports /etc/exports.d/*.exports; do [ -f \"$f\" ] || continue; "
                + "echo \"labtutor:exports-file $f\"; head -c " + FILE_CAP + " \"$f\"; echo; done; exit 0";
    }

    private static String showmount(Probe p) {
        String server = arg(p, 0, IPV4, "IPv4 address");
        return "if command -v showmount >/dev/null 2>&1; then showmount -e " + quote(server) + " 2>&1; "
                + "echo \"labtutor:showmount-rc $?\"; else echo 'labtutor:showmount-missing'; fi; exit 0";
    }

    /**
     * /etc/os-release (or /usr/lib/os-release) read with builtins, the package managers found, and the first lines of
     * {@code keepalived -v} (keepalived prints its version on stderr; 1.3.5 and 2.x alike). Only a regular file is
     * read, and only its first 100 lines.
     */
    private static String os(Probe p) {
        noArgs(p);
        return "f=/etc/os-release; [ -f $f ] || f=/usr/lib/os-release; echo 'labtutor:os-release'; "
                + "if [ -f $f ] && [ -r $f ]; then n=0; while [ $n -lt 100 ] && { IFS= read -r l || [ -n \"$l\" ]; }; "
                + "do n=$((n+1)); printf '%s\\n' \"$l\"; done < $f; fi; echo 'labtutor:pm'; "
                + "for t in dnf yum apt-get; do command -v $t >/dev/null 2>&1 && echo $t; done; "
                + "echo 'labtutor:keepalived'; if command -v keepalived >/dev/null 2>&1; then "
                + "keepalived -v 2>&1 | head -n 3; fi; exit 0";
    }

    private static void noArgs(Probe p) {
        if (!p.args().isEmpty()) {
            throw new IllegalArgumentException(p.kind() + " probe takes no arguments, got " + p.args());
        }
    }

    private static String arg(Probe p, int i, Pattern pattern, String what) {
        if (p.args().size() != i + 1) {
            throw new IllegalArgumentException(p.kind() + " probe needs exactly one " + what + ", got " + p.args());
        }
        String v = p.arg(i);
        if (!pattern.matcher(v).matches()) {
            throw bad(what, v);
        }
        return v;
    }

    private static IllegalArgumentException bad(String what, String value) {
        return new IllegalArgumentException("not a valid " + what.toLowerCase(Locale.ROOT) + ": '" + value + "'");
    }
}
