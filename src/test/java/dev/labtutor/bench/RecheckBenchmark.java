package dev.labtutor.bench;

import dev.labtutor.check.Prober;
import dev.labtutor.check.RoundFacts;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeScript;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): times rounds of the probes a lesson re-check sends to the five sandbox hosts (one batched
 * exec per host, all hosts at once, connections kept in a pool). Prints the first round (connect + login included),
 * then the median and max of the following rounds for the current batch script, side by side with issue 2's sequential
 * script (rounds alternate, so both see the same machine load), and whether both scripts print the same sections. A
 * third leg of each round sends an empty batch ({@code :}) over the same kept connections: what a round costs apart
 * from the probes (Java, SSH, the resident shell's one fork), and a fourth runs the probes' commands alone, one after
 * the other with no batch machinery around them: what these probes cost at the least on these hosts. The load average
 * is printed before and after, since every figure depends on it.
 *
 * <p>Usage: {@code RecheckBenchmark [ROUNDS] [--lab FILE]}: without {@code --lab} (as root) it brings up its own
 * sandbox with a random name and subnet and removes it afterwards.
 */
public final class RecheckBenchmark {

    private static final Duration PER_PROBE = Duration.ofSeconds(8);
    private static final Duration HOST_DEADLINE = Duration.ofSeconds(20);

    private RecheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 20;
        Optional<Path> labArg = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lab")) {
                labArg = Optional.of(Path.of(args[++i]));
            } else {
                rounds = Integer.parseInt(args[i]);
            }
        }
        Sandbox sandbox = null;
        Path root = null;
        try {
            Path labFile;
            if (labArg.isPresent()) {
                labFile = labArg.get();
            } else {
                root = Files.createTempDirectory("labtutor-bench");
                SecureRandom random = new SecureRandom();
                SandboxSpec spec =
                        SandboxSpec.defaults().withName("b" + HexFormat.of().formatHex(random.generateSeed(3)))
                                .withSubnetPrefix("10.78." + (100 + random.nextInt(150))).withStateRoot(root)
                                .withKernel(dev.labtutor.sandbox.SandboxKernel.MACHINE);
                sandbox = Sandbox.up(spec);
                System.out.printf("sandbox up (5 hosts): %d ms%n", sandbox.startupTime().toMillis());
                labFile = sandbox.labFile();
            }
            LabFile lab = LabFileReader.forCurrentUser().readStrict(labFile);
            run(lab, rounds);
        } finally {
            if (sandbox != null) {
                sandbox.down();
            }
            if (root != null) {
                Files.deleteIfExists(root);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void run(LabFile lab, int rounds) throws Exception {
        List<Probe> probes = List.of(Probe.of(Probe.Kind.ADDRESSES), Probe.of(Probe.Kind.UNIT, "keepalived"),
                Probe.of(Probe.Kind.FIREWALLD), Probe.of(Probe.Kind.SELINUX),
                Probe.of(Probe.Kind.PACKAGE, "keepalived"), Probe.of(Probe.Kind.SYSCTL, "net.ipv4.conf"),
                Probe.of(Probe.Kind.KEEPALIVED_CONFIG, "/etc/keepalived/keepalived.conf"),
                Probe.of(Probe.Kind.LOG, "keepalived"));
        Map<String, Set<Probe>> plan = new LinkedHashMap<>();
        for (HostSpec h : lab.hosts().values()) {
            plan.put(h.role(), new java.util.LinkedHashSet<>(probes));
        }
        Path knownHosts =
                lab.knownHosts().orElseThrow(() -> new IllegalArgumentException("the lab file names no known-hosts"));
        ExecutorService pool = Executors.newFixedThreadPool(plan.size());
        try (ShellPool shells =
                new ShellPool(new SshConnector(SshOptions.defaults(knownHosts), SecretPrompter.none(), t -> {
                })); Prober prober = new Prober(shells::get, p -> null, PER_PROBE, HOST_DEADLINE, 32)) {
            long t0 = System.nanoTime();
            check(prober.probe(plan, lab.hosts()));
            System.out.printf("round 1 (connect + login + %d probes on each of %d hosts): %d ms%n", probes.size(),
                    plan.size(), (System.nanoTime() - t0) / 1_000_000);
            long[] now = new long[rounds];
            long[] before = new long[rounds];
            long[] empty = new long[rounds];
            long[] alone = new long[rounds];
            String loadBefore = loadAverage();
            for (int i = 0; i < rounds; i++) {
                long a = System.nanoTime();
                check(prober.probe(plan, lab.hosts()));
                now[i] = (System.nanoTime() - a) / 1_000_000;
                long b = System.nanoTime();
                sequentialRound(shells, lab, probes, pool);
                before[i] = (System.nanoTime() - b) / 1_000_000;
                long c = System.nanoTime();
                emptyRound(shells, lab, pool);
                empty[i] = (System.nanoTime() - c) / 1_000_000;
                long d = System.nanoTime();
                aloneRound(shells, lab, probes, pool);
                alone[i] = (System.nanoTime() - d) / 1_000_000;
            }
            String loadAfter = loadAverage();
            System.out.printf("re-check on open connections, %d rounds each, alternating:%n", rounds);
            System.out.printf("  now    (parallel probes, one watchdog):         median %4d ms, max %4d ms%n",
                    median(now), max(now));
            System.out.printf("  before (sequential, timeout + sh -c per probe): median %4d ms, max %4d ms%n",
                    median(before), max(before));
            System.out.printf("  floor  (an empty batch ':', no probe):          median %4d ms, max %4d ms%n",
                    median(empty), max(empty));
            System.out.printf(
                    "  alone  (each probe's commands, one after the other, output dropped): median %4d ms, max %4d ms%n",
                    median(alone), max(alone));
            System.out.printf("  load average (1, 5, 15 min): %s before the rounds, %s after%n", loadBefore, loadAfter);
            System.out.printf("  same sections from both scripts on every host: %s%n",
                    sameOutput(shells, lab, probes) ? "yes" : "NO");
            System.out.printf(
                    "processes one host's batch starts (counted in a PID namespace of its own, so load-free), per host:%n");
            System.out.printf("  now    %s%n",
                    spawns(shells, lab, "lt_keep=$2\n" + ProbeScript.build(probes, PER_PROBE).text()));
            System.out.printf("  now, on a channel of its own (no kept directory) %s%n",
                    spawns(shells, lab, ProbeScript.build(probes, PER_PROBE).text()));
            System.out.printf("  before %s%n", spawns(shells, lab, SequentialProbeScript.text(probes,
                    PER_PROBE.toSeconds(), "00", ProbeScript.STDOUT_CAP, ProbeScript.STDERR_CAP)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(RoundFacts f) {
        if (f.hosts().values().stream().anyMatch(h -> h.failure().isPresent())) {
            throw new IllegalStateException("a host failed: " + f.hosts());
        }
    }

    private static void sequentialRound(ShellPool shells, LabFile lab, List<Probe> probes, ExecutorService pool)
            throws Exception {
        String text = SequentialProbeScript.text(probes, PER_PROBE.toSeconds(), "00", ProbeScript.STDOUT_CAP,
                ProbeScript.STDERR_CAP);
        onEveryHost(lab, pool, h -> shells.get(h).runScript(text, HOST_DEADLINE));
    }

    /**
     * The probes' own commands and nothing else: per host one batch that runs each probe's fragment in a subshell of
     * its own (its {@code exit} must not end the batch), one after the other, output thrown away. No temporary files,
     * no watchdog, no sections: what any batch of these probes costs at the least, so the gap to "now" is the batch
     * machinery's share.
     */
    private static void aloneRound(ShellPool shells, LabFile lab, List<Probe> probes, ExecutorService pool)
            throws Exception {
        StringBuilder sb =
                new StringBuilder("export LC_ALL=C; PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin\"\n");
        for (Probe p : probes) {
            sb.append("(eval ").append(dev.labtutor.lab.Shell.quote(dev.labtutor.check.probe.ProbeCommands.shell(p)))
                    .append(") </dev/null >/dev/null 2>&1\n");
        }
        String text = sb.toString();
        onEveryHost(lab, pool, h -> shells.get(h).runBatch(text, HOST_DEADLINE));
    }

    private static void emptyRound(ShellPool shells, LabFile lab, ExecutorService pool) throws Exception {
        onEveryHost(lab, pool, h -> shells.get(h).runBatch(":", HOST_DEADLINE));
    }

    private interface HostRun {
        ExecResult run(HostSpec h) throws Exception;
    }

    /** Runs {@code run} on every host at once and waits for all of them. */
    private static void onEveryHost(LabFile lab, ExecutorService pool, HostRun run) throws Exception {
        List<Future<ExecResult>> all = new ArrayList<>();
        for (HostSpec h : lab.hosts().values()) {
            all.add(pool.submit(() -> run.run(h)));
        }
        for (Future<ExecResult> f : all) {
            f.get();
        }
    }

    /**
     * How many processes (tasks) {@code batch} starts on each host, run as the resident shell runs it ({@code (eval
     * BATCH)}, whose fork is counted): inside a new PID namespace the shell is pid 1 and every process after it takes
     * the next pid, so the last pid handed out is the count. Needs root and unshare(1) on the host; "?" where they are
     * missing. Threads count too (they take pids), which none of the probes' tools start.
     */
    private static String spawns(ShellPool shells, LabFile lab, String batch) throws Exception {
        // cat, not read: dash reads one byte at a time and a sysctl file answers EOF past offset 0.
        // The count leaves out the counting sh (pid 1) and that cat (the last pid).
        // $2 is a directory made outside the count, for a batch that stands for the resident
        // shell's kept one (the resident shell makes it once, not per round).
        String script = "k=$(mktemp -d); unshare --pid --fork --mount-proc sh -c '(eval \"$1\") >/dev/null 2>&1; "
                + "n=$(cat /proc/sys/kernel/ns_last_pid); echo \"labtutor:spawns $((n - 2))\"' sh "
                + dev.labtutor.lab.Shell.quote(batch)
                + " \"$k\" 2>/dev/null || echo 'labtutor:spawns ?'; rm -rf \"$k\"";
        StringBuilder sb = new StringBuilder();
        for (HostSpec h : lab.hosts().values()) {
            String out = shells.get(h).runScript(script, HOST_DEADLINE).stdout();
            java.util.regex.Matcher m = Pattern.compile("labtutor:spawns (\\S+)").matcher(out);
            sb.append(sb.length() == 0 ? "" : ", ").append(h.role()).append(' ').append(m.find() ? m.group(1) : "?");
        }
        return sb.toString();
    }

    private static boolean sameOutput(ShellPool shells, LabFile lab, List<Probe> probes) throws Exception {
        Pattern nonce = Pattern.compile("==LT [0-9a-f]+ ");
        boolean same = true;
        for (HostSpec h : lab.hosts().values()) {
            RemoteShell shell = shells.get(h);
            ProbeScript script = ProbeScript.build(probes, PER_PROBE);
            String now = nonce.matcher(shell.runScript(script.text(), HOST_DEADLINE).stdout()).replaceAll("==LT X ");
            String before = nonce
                    .matcher(shell.runScript(SequentialProbeScript.text(probes, PER_PROBE.toSeconds(), "00",
                            ProbeScript.STDOUT_CAP, ProbeScript.STDERR_CAP), HOST_DEADLINE).stdout())
                    .replaceAll("==LT X ");
            if (!now.equals(before)) {
                System.out.printf("  %s: outputs differ%n--- now%n%s%n--- before%n%s%n", h.role(), now, before);
                same = false;
            }
        }
        return same;
    }

    private static long median(long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long max(long[] ms) {
        return Arrays.stream(ms).max().orElse(0);
    }
}
