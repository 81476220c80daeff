package dev.labtutor.check.probe;

import java.util.List;
import java.util.Objects;

/**
 * One observation to make on one host: a kind plus its arguments. Two equal probes on a host in one round run once.
 * Arguments are validated by {@link ProbeCommands} before any shell text is built, so learner-controlled values never
 * reach the remote shell unchecked.
 */
public record Probe(Kind kind, List<String> args) {

    public enum Kind {
        /** {@code ip -j -4 addr} (text fallback). No args. Fact: {@link dev.labtutor.check.fact.Addresses}. */
        ADDRESSES,
        /** Every sysctl key equal to or under args[0] (e.g. {@code net.ipv4.conf}). Fact: Sysctls. */
        SYSCTL,
        /** systemd unit args[0] (fallback without systemd). Fact: UnitState. */
        UNIT,
        /**
         * Package args[0] via dpkg-query on Debian/Ubuntu, else rpm, dpkg-query, or binary on PATH. Fact:
         * PackageState.
         */
        PACKAGE,
        /** Content of absolute path args[0], capped. Fact: FileContent. */
        FILE,
        /** keepalived.conf at args[0] plus every file its include lines pull in. Fact: ConfigFiles. */
        KEEPALIVED_CONFIG,
        /** {@code keepalived -t -f args[0]}. Fact: KeepalivedTest. */
        KEEPALIVED_TEST,
        /** {@code ipvsadm -Ln}. Fact: IpvsTable. */
        IPVS,
        /** getenforce / /sys/fs/selinux. Fact: SelinuxMode. */
        SELINUX,
        /** firewalld running or not. Fact: FirewalldState. */
        FIREWALLD,
        /**
         * ufw, Debian's and Ubuntu's firewall: {@code ufw status} (active now) and ENABLED in /etc/ufw/ufw.conf
         * (started at boot). No args. Fact: {@link dev.labtutor.check.fact.UfwState}.
         */
        UFW,
        /** curl args[0] (URL) args[1] times from the host. Fact: HttpResults. */
        HTTP,
        /** Recent log lines: args[0] = unit name (journalctl -u, falling back to /var/log/messages). Fact: LogLines. */
        LOG,
        /**
         * The state and pool changes in args[0]'s whole log (keepalived: "Entering MASTER STATE", starts and stops,
         * "Removing service"/"Adding service"), the last {@link ProbeCommands#EVENT_LINES}. Fact: LogLines.
         */
        LOG_EVENTS,
        /** A course-defined command args[0] (escape hatch; course data only). Fact: CommandOutput. */
        COMMAND,
        /**
         * The persisted sysctl settings: /etc/sysctl.d, /run/sysctl.d, /usr/lib/sysctl.d ... and /etc/sysctl.conf.
         * Fact: PersistedSysctls.
         */
        SYSCTL_CONF,
        /** {@code /proc/self/mounts}. Fact: Mounts. */
        MOUNTS,
        /** {@code exportfs -v}, /etc/exports and /etc/exports.d, and whether the kernel has nfsd. Fact: NfsExports. */
        EXPORTS,
        /** {@code showmount -e args[0]} (an IPv4 address). Fact: ExportList. */
        SHOWMOUNT,
        /**
         * The host's distribution: /etc/os-release, the package managers on PATH and {@code keepalived -v}'s first
         * lines. Fact: {@link dev.labtutor.check.fact.OsRelease}.
         */
        OS
    }

    public Probe {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static Probe of(Kind kind, String... args) {
        return new Probe(kind, List.of(args));
    }

    public String arg(int i) {
        return args.get(i);
    }

    /** Stable text for logs, JSON evidence and section ids, e.g. {@code UNIT(keepalived)}. */
    public String describe() {
        return kind + (args.isEmpty() ? "" : args.toString().replace('[', '(').replace(']', ')'));
    }
}
