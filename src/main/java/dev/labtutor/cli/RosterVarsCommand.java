package dev.labtutor.cli;

import dev.labtutor.course.Course;
import dev.labtutor.grading.RosterVars;
import dev.labtutor.lab.Ipv4;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roster vars}: distinct VIP, VRID and auth_pass per student, as YAML to paste. */
@Command(name = "vars", description = {
        "Print distinct per-student vip, vrid and auth-pass blocks to paste under 'students:' in roster.yaml, "
                + "so that no two students' configurations are interchangeable (and none uses the course defaults)."})
public final class RosterVarsCommand extends CourseCommand {

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many students.")
    int count;

    @Option(names = "--subnet", paramLabel = "A.B.C.0/NN",
            description = "Subnet the VIPs come from (its upper half; default: the /24 of the course's VIP).")
    String subnet;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "s",
            description = "Student ids are this followed by a number (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--seed", paramLabel = "N", description = "Repeatable output for the same seed (default: random).")
    Long seed;

    @Override
    public Integer call() {
        if (count < 1 || count > 250) {
            throw new UserError("--count must be between 1 and 250");
        }
        if (!prefix.matches("[A-Za-z][A-Za-z0-9_.-]{0,30}")) {
            throw new UserError("--prefix must be a letter followed by letters, digits, '.', '_' or '-'");
        }
        Course course = courseOptions.loadCourse();
        Set<String> avoid = new HashSet<>();
        for (String v : dev.labtutor.grading.Roster.DISTINCT_VARS) {
            if (course.vars().containsKey(v)) {
                avoid.add(course.vars().get(v).defaultValue());
            }
        }
        String cidr = subnet != null ? subnet : defaultSubnet(course);
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2 || !Ipv4.isValid(parts[0]) || !parts[1].matches("[0-9]{1,2}")) {
            throw new UserError("--subnet must look like 10.0.2.0/24, not '" + cidr + "'");
        }
        List<RosterVars.Block> blocks;
        try {
            blocks = RosterVars.generate(count, parts[0], Integer.parseInt(parts[1]), avoid,
                    seed != null ? new Random(seed) : new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + count + " distinct blocks for course " + course.id() + ": VIPs from " + cidr
                + ", virtual_router_id and auth_pass unique per student.");
        out.println(
                "# Paste under 'students:' in roster.yaml; give each student their block, with 'lab:' or 'hosts:'.");
        int width = Integer.toString(count).length() < 2 ? 2 : Integer.toString(count).length();
        for (int i = 0; i < blocks.size(); i++) {
            RosterVars.Block b = blocks.get(i);
            out.printf(Locale.ROOT, "  - id: %s%0" + width + "d%n", prefix, i + 1);
            out.printf(Locale.ROOT, "    vars: { vip: %s, vrid: \"%d\", auth-pass: \"%s\" }%n", b.vip(), b.vrid(),
                    b.authPass());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String defaultSubnet(Course course) {
        String vip = course.vars().containsKey("vip") ? course.vars().get("vip").defaultValue() : "10.0.0.0";
        return vip.substring(0, vip.lastIndexOf('.')) + ".0/24";
    }
}
