package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPVS: the table printed by {@code ipvsadm -Ln}. A virtual service line is {@code TCP|UDP|SCTP ADDR:PORT SCHED
 * [persistent N] [...]} or {@code FWM MARK SCHED ...}; each {@code -> ADDR:PORT FORWARD WEIGHT ACTIVE INACTIVE} line
 * below it is a real server. A kernel without ip_vs ("Can't initialize ipvs: Protocol not available", whatever modprobe
 * said before it) or a missing ipvsadm makes the table unavailable, saying which.
 */
final class IpvsParser {

    private static final Pattern SERVICE =
            Pattern.compile("^(TCP|UDP|SCTP)\\s+(\\[[0-9A-Fa-f:.]+\\]|[^\\s:]+):(\\d+)\\s+(\\S+)(.*)$");
    private static final Pattern FWM = Pattern.compile("^FWM\\s+(\\d+)\\s+(\\S+)(.*)$");
    private static final Pattern REAL = Pattern.compile(
            "^\\s*->\\s+(\\[[0-9A-Fa-f:.]+\\]|[^\\s:]+):(\\d+)\\s+([A-Za-z]+)\\s+(-?\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    private IpvsParser() {
    }

    static IpvsTable parse(ProbeOutput out) throws Unparseable {
        if (Lines.hasLine(out.stdout(), "labtutor:ipvsadm-missing")) {
            return new IpvsTable(IpvsTable.State.NO_IPVSADM, "ipvsadm is not installed", List.of());
        }
        String err = out.stderr();
        if (err.contains("Can't initialize ipvs") || err.contains("Protocol not available")) {
            // ipvsadm runs modprobe ip_vs first, whose "Module ip_vs not found" may come before its own words.
            String said = Lines.of(err).stream().filter(l -> l.contains("Can't initialize ipvs")).findFirst()
                    .orElse(Lines.firstNonBlank(err)).strip();
            return new IpvsTable(IpvsTable.State.NO_KERNEL_IPVS, said, List.of());
        }
        if (out.exitCode() != 0) {
            throw new Unparseable("ipvsadm -Ln failed (exit " + out.exitCode() + "): " + Lines.firstNonBlank(err));
        }
        return table(out.stdout());
    }

    static IpvsTable table(String text) throws Unparseable {
        List<String> lines = Lines.of(text);
        if (lines.stream().noneMatch(l -> l.startsWith("Prot LocalAddress:Port"))) {
            throw new Unparseable("ipvsadm output has no table header: " + Lines.firstNonBlank(text));
        }
        List<IpvsTable.VirtualService> services = new ArrayList<>();
        String proto = null;
        String address = null;
        int port = 0;
        String scheduler = null;
        boolean persistent = false;
        List<IpvsTable.RealServer> reals = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("IP Virtual Server") || line.startsWith("Prot ")
                    || line.trim().startsWith("-> RemoteAddress")) {
                continue;
            }
            Matcher s = SERVICE.matcher(line);
            Matcher f = FWM.matcher(line);
            if (s.matches() || f.matches()) {
                if (proto != null) {
                    services.add(new IpvsTable.VirtualService(proto, address, port, scheduler, persistent, reals));
                }
                reals = new ArrayList<>();
                if (s.matches()) {
                    proto = s.group(1);
                    address = unbracket(s.group(2));
                    port = Integer.parseInt(s.group(3));
                    scheduler = s.group(4);
                    persistent = s.group(5).contains("persistent");
                } else {
                    proto = "FWM";
                    address = f.group(1);
                    port = 0;
                    scheduler = f.group(2);
                    persistent = f.group(3).contains("persistent");
                }
                continue;
            }
            if (line.trim().startsWith("->")) {
                if (proto == null) {
                    throw new Unparseable("real server before any virtual service: " + line.trim());
                }
                reals.add(realServer(line));
                continue;
            }
            throw new Unparseable("unexpected ipvsadm line: " + line.trim());
        }
        if (proto != null) {
            services.add(new IpvsTable.VirtualService(proto, address, port, scheduler, persistent, reals));
        }
        return new IpvsTable(IpvsTable.State.TABLE, "", services);
    }

    static IpvsTable.RealServer realServer(String line) throws Unparseable {
        Matcher m = REAL.matcher(line);
        if (!m.matches()) {
            throw new Unparseable("unexpected ipvsadm real server line: " + line.trim());
        }
        try {
            return new IpvsTable.RealServer(unbracket(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        } catch (NumberFormatException e) {
            throw new Unparseable("number out of range in ipvsadm line: " + line.trim());
        }
    }

    private static String unbracket(String a) {
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }
}
