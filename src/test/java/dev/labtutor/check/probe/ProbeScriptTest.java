package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs generated batches with the local {@code sh -s}, exactly as the remote side would. */
class ProbeScriptTest {

    @TempDir
    Path tmp;

    @Test
    void severalProbesComeBackWithTheirOwnOutputAndExitCodes() throws Exception {
        Path file = tmp.resolve("hello.txt");
        Files.writeString(file, "line one\nline two");
        Probe echo = Probe.of(Kind.COMMAND, "echo out; echo err >&2; exit 3");
        Probe read = Probe.of(Kind.FILE, file.toString());
        Probe missing = Probe.of(Kind.FILE, tmp.resolve("nope").toString());
        Probe quoted = Probe.of(Kind.COMMAND, "printf '%s|' \"it's\" 'a \"quote\"'");
        ProbeScript script = ProbeScript.build(List.of(echo, read, missing, quoted), Duration.ofSeconds(5));

        Map<Probe, ProbeOutput> out = script.parse(run(script));

        assertEquals(new ProbeOutput("out\n", "err\n", 3, false, false), out.get(echo));
        assertEquals("labtutor:file ok 17\nline one\nline two", out.get(read).stdout());
        assertEquals(0, out.get(read).exitCode());
        assertEquals("labtutor:file missing\n", out.get(missing).stdout());
        assertEquals("it's|a \"quote\"|", out.get(quoted).stdout());
    }

    @Test
    void aSlowProbeIsKilledAndFlaggedWithoutStoppingTheBatch() throws Exception {
        Probe slow = Probe.of(Kind.COMMAND, "echo started; sleep 5; echo never");
        Probe after = Probe.of(Kind.COMMAND, "echo after");
        ProbeScript script = ProbeScript.build(List.of(slow, after), Duration.ofSeconds(1));

        long t0 = System.nanoTime();
        Map<Probe, ProbeOutput> out = script.parse(run(script));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertTrue(out.get(slow).timedOut(), out.get(slow).toString());
        assertEquals(124, out.get(slow).exitCode());
        assertEquals("started\n", out.get(slow).stdout());
        assertEquals("after\n", out.get(after).stdout());
        assertFalse(out.get(after).timedOut());
        assertTrue(ms < 4500, "took " + ms + " ms");
    }

    @Test
    void outputThatImitatesDelimitersCannotForgeASection() throws Exception {
        Probe forger = Probe.of(Kind.COMMAND, "printf '\\n==LT 0000 END 0 rc=0 timeout=0 trunc=0 errtrunc=0\\n'; "
                + "printf '\\n==LT 0000 BEGIN 1\\n==LT 0000 OUT\\nforged\\n'; echo real");
        Probe victim = Probe.of(Kind.COMMAND, "echo victim; exit 7");
        ProbeScript script = ProbeScript.build(List.of(forger, victim), Duration.ofSeconds(5));
        String raw = run(script);
        // Same forgery with this batch's real nonce prefix shape but a guessed nonce.
        Map<Probe, ProbeOutput> out = script.parse(raw);

        assertTrue(out.get(forger).stdout().endsWith("forged\nreal\n"), out.get(forger).stdout());
        assertEquals(0, out.get(forger).exitCode());
        assertEquals(new ProbeOutput("victim\n", "", 7, false, false), out.get(victim));
    }

    @Test
    void hugeOutputIsCappedAndFlagged() throws Exception {
        Probe huge = Probe.of(Kind.COMMAND, "yes 0123456789abcdef | head -c 3000000");
        Probe small = Probe.of(Kind.COMMAND, "echo small");
        ProbeScript script = ProbeScript.build(List.of(huge, small), Duration.ofSeconds(10));

        Map<Probe, ProbeOutput> out = script.parse(run(script));

        assertTrue(out.get(huge).truncated());
        assertEquals(ProbeScript.STDOUT_CAP, out.get(huge).stdout().length());
        assertFalse(out.get(small).truncated());
        assertEquals("small\n", out.get(small).stdout());
    }

    @Test
    void nonUtf8BytesDoNotBreakSectionBoundaries() throws Exception {
        Probe binary = Probe.of(Kind.COMMAND, "printf 'a\\377\\376b\\n'; printf '\\300' >&2");
        Probe next = Probe.of(Kind.COMMAND, "echo next");
        ProbeScript script = ProbeScript.build(List.of(binary, next), Duration.ofSeconds(5));

        Map<Probe, ProbeOutput> out = script.parse(run(script));

        assertEquals("a\uFFFD\uFFFDb\n", out.get(binary).stdout());
        assertEquals("\uFFFD", out.get(binary).stderr());
        assertEquals("next\n", out.get(next).stdout());
    }

    @Test
    void aMissingSectionMeansTheBatchWasCut() throws Exception {
        Probe first = Probe.of(Kind.COMMAND, "echo one");
        Probe second = Probe.of(Kind.COMMAND, "echo two");
        ProbeScript script = ProbeScript.build(List.of(first, second), Duration.ofSeconds(5));
        String raw = run(script);
        String cut = raw.substring(0, raw.indexOf("BEGIN 1"));

        Map<Probe, ProbeOutput> out = script.parse(cut);

        assertEquals("one\n", out.get(first).stdout());
        assertEquals(-1, out.get(second).exitCode());
        assertEquals(ProbeScript.CUT_MESSAGE, out.get(second).stderr());
        assertEquals(-1, script.parse("").get(first).exitCode());
    }

    @Test
    void equalProbesRunOnceAndNoncesDiffer() {
        Probe p = Probe.of(Kind.IPVS);
        ProbeScript a = ProbeScript.build(List.of(p, Probe.of(Kind.IPVS)), Duration.ofSeconds(2));
        ProbeScript b = ProbeScript.build(List.of(p), Duration.ofSeconds(2));
        assertEquals(List.of(p), a.probes());
        assertNotEquals(a.nonce(), b.nonce());
        assertTrue(a.text().startsWith("export LC_ALL=C\n"));
        assertEquals(1, a.text().split("\nlt_section ", -1).length - 1, a.text());
    }

    @Test
    void theTemporaryDirectoryIsRemovedAndProbesCannotReadIt() throws Exception {
        Probe peek = Probe.of(Kind.COMMAND, "echo \"[$lt_d]\"");
        ProbeScript script = ProbeScript.build(List.of(peek), Duration.ofSeconds(5));
        Path marker = tmp.resolve("tmpdir");
        String text = script.text().replace("trap 'rm -rf \"$lt_d\"' EXIT",
                "trap 'rm -rf \"$lt_d\"' EXIT\necho \"$lt_d\" > '" + marker + "'");
        assertNotEquals(script.text(), text);

        Map<Probe, ProbeOutput> out = script.parse(runText(text));

        Path made = Path.of(Files.readString(marker).trim());
        assertTrue(made.isAbsolute());
        assertFalse(Files.exists(made), made + " still exists");
        assertEquals("[]\n", out.get(peek).stdout());
    }

    @Test
    void aResidentShellsDirectoryIsUsedRoundAfterRoundWithoutCarryingALateMarkOver() throws Exception {
        Path keep = Files.createDirectory(tmp.resolve("keep"));
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        String prefix = "lt_keep='" + keep + "'; TMPDIR='" + scratch + "'; export TMPDIR\n";
        Probe slow = Probe.of(Kind.COMMAND, "echo started; sleep 5");
        ProbeScript first = ProbeScript.build(List.of(slow), Duration.ofSeconds(1));
        assertTrue(first.parse(runText(prefix + first.text())).get(slow).timedOut());

        Probe fast = Probe.of(Kind.COMMAND, "echo \"[${lt_keep:-}${lt_d:-}]\"");
        ProbeScript second = ProbeScript.build(List.of(fast, Probe.of(Kind.COMMAND, "exit 5")), Duration.ofSeconds(5));
        Map<Probe, ProbeOutput> out = second.parse(runText(prefix + second.text()));

        assertEquals(new ProbeOutput("[]\n", "", 0, false, false), out.get(fast),
                "not late, and blind to the directory");
        assertTrue(Files.exists(keep.resolve("0.out")), "the batch worked in the kept directory");
        assertTrue(Files.isDirectory(keep), "and left it for the next round");
        try (var made = Files.list(scratch)) {
            assertEquals(0, made.count(), "no directory of its own");
        }
    }

    @Test
    void aKeptDirectoryThatIsALinkIsNotUsed() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), elsewhere);
        Probe echo = Probe.of(Kind.COMMAND, "echo hi");
        ProbeScript script = ProbeScript.build(List.of(echo), Duration.ofSeconds(5));

        Map<Probe, ProbeOutput> out = script.parse(runText("lt_keep='" + link + "'\n" + script.text()));

        assertEquals("hi\n", out.get(echo).stdout());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing written through the link");
        }
    }

    private static String run(ProbeScript script) throws IOException, InterruptedException {
        return LocalSh.run(script.text());
    }

    private static String runText(String text) throws IOException, InterruptedException {
        return LocalSh.run(text);
    }
}
