package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid configs (token delete/duplicate/swap, random bytes, truncation, include loops) with a fixed
 * seed: the parser must return a result every time, never throw never fall back to its internal-error diagnostic, and
 * never run away (self-referencing definitions are cut off).
 */
class MutationFuzzTest {

    private static final String[] TOKENS = {"{", "}", "\"", "!", "#", "$", "${", "@", "@^", "~SEQ(", "~LST(", "\\",
            "include", "vrrp_instance", "virtual_server", "real_server", "priority", "state", "MASTER", "-1",
            "999999999999999999999", "0x10", "$X=", "$X=\\", "${_RANDOM 1 2}", "${_PWD}", "\t", "\n", "\r\n", ")", "(",
            ",", "1e309", "nan", "/24", "::", "\u4e2d"};

    private static List<String> seeds() throws Exception {
        List<String> out = new ArrayList<>();
        Path lab = Corpus.root().resolve("keepalived-lab-configs/configs");
        try (Stream<Path> s = Files.list(lab)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".conf")).sorted().limit(12).toList()) {
                out.add(Files.readString(p));
            }
        }
        out.add("$A=x $A\n$B=${B}${B}\nvrrp_instance $A { priority $B }\n~SEQ(N, 1, 3) ~SEQ(M, 1, 3) $N$M\n");
        return out;
    }

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void mutationsNeverThrow() throws Exception {
        Random rnd = new Random(20240607L);
        List<String> seeds = seeds();
        IncludeResolver loop =
                IncludeResolver.fromFiles(Map.of("/k/a.conf", "include b.conf\n}\n{", "/k/b.conf", "include a.conf\n"));
        int cases = 3000;
        for (int n = 0; n < cases; n++) {
            String base = seeds.get(rnd.nextInt(seeds.size()));
            String text = mutate(base, rnd);
            ParseOptions opts = rnd.nextBoolean() ? ParseOptions.defaults()
                    : ParseOptions.defaults().withConfigId("nodeA").withHostInterfaces(java.util.Set.of("ens33"));
            String label = "case " + n;
            ParseResult r;
            try {
                // CPU time of this thread, not wall time: a runaway expansion burns CPU, while a
                // loaded 2-core machine (other builds, a VM beside it) only stretches the wall clock.
                long t0 = CPU.getCurrentThreadCpuTime();
                r = KeepalivedParser.parse(new Source("/k/a.conf", text), loop, opts);
                long ms = (CPU.getCurrentThreadCpuTime() - t0) / 1_000_000;
                assertTrue(ms < 3000, label + " took " + ms + " ms of CPU (runaway expansion?) on:\n" + text);
            } catch (Throwable t) {
                throw new AssertionError(label + " threw on input:\n" + text, t);
            }
            assertNotNull(r);
            ParseResult fr = r;
            assertTrue(r.withCode("parser-internal").isEmpty(),
                    () -> label + " internal error " + fr.diagnostics() + " on:\n" + text);
            // The same input read by keepalived 1.3.5's rules (literal lines, its own completion checks).
            ParseResult old =
                    KeepalivedParser.parse(new Source("/k/a.conf", text), loop, opts.withRules(KeepalivedRules.V1_3_5));
            assertTrue(old.withCode("parser-internal").isEmpty(),
                    () -> label + " internal error under 1.3.5 rules " + old.diagnostics() + " on:\n" + text);
        }
    }

    private static String mutate(String base, Random rnd) {
        List<String> toks = new ArrayList<>(List.of(base.split("(?<=\\s)|(?=\\s)")));
        int edits = 1 + rnd.nextInt(6);
        for (int e = 0; e < edits && !toks.isEmpty(); e++) {
            int i = rnd.nextInt(toks.size());
            switch (rnd.nextInt(7)) {
                case 0 -> toks.remove(i);
                case 1 -> toks.add(i, toks.get(i));
                case 2 -> {
                    int j = rnd.nextInt(toks.size());
                    String t = toks.get(i);
                    toks.set(i, toks.get(j));
                    toks.set(j, t);
                }
                case 3 -> toks.add(i, TOKENS[rnd.nextInt(TOKENS.length)]);
                case 4 -> {
                    StringBuilder sb = new StringBuilder();
                    for (int k = rnd.nextInt(8); k >= 0; k--) {
                        sb.append((char) rnd.nextInt(rnd.nextBoolean() ? 128 : 0x3000));
                    }
                    toks.add(i, sb.toString());
                }
                case 5 -> toks.add(i, "x".repeat(rnd.nextInt(2500)));
                default -> toks.set(i, toks.get(i).toUpperCase());
            }
        }
        String s = String.join("", toks);
        if (rnd.nextInt(4) == 0 && !s.isEmpty()) {
            s = s.substring(0, rnd.nextInt(s.length()));
        }
        return s;
    }
}
