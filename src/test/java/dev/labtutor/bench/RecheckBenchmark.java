package dev.labtutor.bench;

import dev.labtutor.check.Prober;
import dev.labtutor.check.RoundFacts;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.host.HostSpec;
import dev.labtutor.host.LabFile;
import dev.labtutor.host.LabFileReader;
import dev.labtutor.host.SecretPrompter;
import dev.labtutor.host.ShellPool;
import dev.labtutor.host.SshConnector;
import dev.labtutor.host.SshOptions;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark (not a test): brings up a five-host sandbox and times rounds of the probes a lesson
 * re-check sends (one batched exec per host, all hosts at once, connections kept in a pool).
 * Prints the first round (connect + login included) and the median / max of the following ones.
 * Run with bench/recheck.sh as root.
 */
public final class RecheckBenchmark {

    private RecheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Files.createTempDirectory("labtutor-bench");
        SandboxSpec spec = SandboxSpec.defaults().withName("bench").withSubnetPrefix("10.78.9").withStateRoot(root)
                .withKernel(dev.labtutor.sandbox.SandboxKernel.MACHINE);
        Sandbox sandbox = Sandbox.up(spec);
        try {
            System.out.printf("sandbox up (5 hosts): %d ms%n", sandbox.startupTime().toMillis());
            LabFile lab = LabFileReader.forCurrentUser().readStrict(sandbox.labFile());
            Set<Probe> probes = Set.of(Probe.of(Probe.Kind.ADDRESSES), Probe.of(Probe.Kind.UNIT, "keepalived"),
                    Probe.of(Probe.Kind.FIREWALLD), Probe.of(Probe.Kind.SELINUX), Probe.of(Probe.Kind.PACKAGE, "keepalived"),
                    Probe.of(Probe.Kind.SYSCTL, "net.ipv4.conf"), Probe.of(Probe.Kind.KEEPALIVED_CONFIG, "/etc/keepalived/keepalived.conf"),
                    Probe.of(Probe.Kind.LOG, "keepalived"));
            Map<String, Set<Probe>> plan = new LinkedHashMap<>();
            for (HostSpec h : lab.hosts().values()) {
                plan.put(h.role(), probes);
            }
            try (ShellPool pool = new ShellPool(new SshConnector(SshOptions.defaults(sandbox.knownHosts()), SecretPrompter.none(), t -> { }));
                 Prober prober = new Prober(pool::get, p -> null, Duration.ofSeconds(8), Duration.ofSeconds(20), 32)) {
                long[] ms = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    RoundFacts f = prober.probe(plan, lab.hosts());
                    ms[i] = (System.nanoTime() - t0) / 1_000_000;
                    if (f.hosts().values().stream().anyMatch(h -> h.failure().isPresent())) {
                        throw new IllegalStateException("a host failed: " + f.hosts());
                    }
                }
                long[] rest = Arrays.copyOfRange(ms, 1, ms.length);
                Arrays.sort(rest);
                System.out.printf("round 1 (connect + login + %d probes on each of %d hosts): %d ms%n", probes.size(), plan.size(), ms[0]);
                System.out.printf("rounds 2..%d (re-check on open connections): median %d ms, max %d ms%n", rounds,
                        rest[rest.length / 2], rest[rest.length - 1]);
            }
        } finally {
            sandbox.down();
            Files.deleteIfExists(root);
        }
    }
}
