package dev.labtutor.check.fact;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.check.probe.ProbeScript;

/**
 * Turns one probe's raw output into its typed {@link Fact}. Never throws: a probe that timed out, was cut off, or
 * printed something its parser cannot read becomes {@link ProbeBroken} with a one-line reason, which the evaluator
 * judges as ERROR rather than FAIL.
 */
public final class FactParsers {

    private FactParsers() {
    }

    public static Fact parse(Probe probe, ProbeOutput out) {
        if (out == null) {
            return new ProbeBroken(probe.describe(), "no output for this probe");
        }
        if (out.timedOut()) {
            return new ProbeBroken(probe.describe(), "timed out on the host");
        }
        if (out.exitCode() == -1 && ProbeScript.CUT_MESSAGE.equals(out.stderr())) {
            return new ProbeBroken(probe.describe(), out.stderr());
        }
        try {
            return dispatch(probe, out);
        } catch (Unparseable e) {
            return new ProbeBroken(probe.describe(), e.getMessage());
        } catch (RuntimeException e) {
            return new ProbeBroken(probe.describe(), "could not read the output (" + e + ")");
        }
    }

    private static Fact dispatch(Probe p, ProbeOutput out) throws Unparseable {
        return switch (p.kind()) {
            case ADDRESSES -> AddressParser.parse(out);
            case SYSCTL -> SysctlParser.parse(out);
            case UNIT -> UnitParser.parse(p.arg(0), out);
            case PACKAGE -> PackageParser.parse(p.arg(0), out);
            case FILE -> FileParser.parse(p.arg(0), out);
            case KEEPALIVED_CONFIG -> ConfigFilesParser.parse(p.arg(0), out);
            case KEEPALIVED_TEST -> KeepalivedTestParser.parse(out);
            case IPVS -> IpvsParser.parse(out);
            case SELINUX -> SelinuxParser.parse(out);
            case FIREWALLD -> FirewalldParser.parse(out);
            case UFW -> UfwParser.parse(out);
            case HTTP -> HttpParser.parse(p.arg(0), out);
            case LOG, LOG_EVENTS -> LogParser.parse(p.arg(0), out);
            case COMMAND -> CommandParser.parse(out);
            case SYSCTL_CONF -> PersistedSysctlsParser.parse(out);
            case MOUNTS -> MountsParser.parse(out);
            case EXPORTS -> NfsParser.exports(out);
            case SHOWMOUNT -> NfsParser.showmount(p.arg(0), out);
            case OS -> OsParser.parse(out);
        };
    }
}
