package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as a learner gets it: {@code target/labtutor-VERSION.tar.gz} (built by {@code mvn package}, so this runs
 * after it, under failsafe) unpacked in an empty directory elsewhere and run from yet another directory:
 * {@code bin/labtutor lessons} in Chinese and English, then {@code bin/labtutor sandbox solve} and {@code bin/labtutor
 * check} against a sandbox of its own. The sandbox part needs root; it fails instead of skipping when CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    @TempDir
    static Path tmp;

    private static Path bin;
    private static SandboxSpec spec;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path target = Path.of(System.getProperty("labtutor.root", "."), "target");
        Path tarball;
        try (Stream<Path> s = Files.list(target)) {
            tarball =
                    s.filter(p -> p.getFileName().toString().matches("labtutor-.*\\.tar\\.gz")).findFirst().orElseThrow(
                            () -> new AssertionError("no labtutor-*.tar.gz in " + target + ": run mvn package first"));
        }
        Path install = Files.createDirectories(tmp.resolve("opt"));
        Run untar = run(install, Map.of(), "tar", "xzf", tarball.toString());
        assertEquals(0, untar.code(), untar.err());
        try (Stream<Path> s = Files.list(install)) {
            bin = s.findFirst().orElseThrow().resolve("bin/labtutor");
        }
        assertTrue(Files.isExecutable(bin), bin + " is not executable");
        for (String part : List.of("lib/labtutor.jar", "lessons", "checks", "share/man/man1/labtutor-check.1",
                "share/bash-completion/completions/labtutor", "share/zsh/site-functions/_labtutor", "README.md")) {
            assertTrue(Files.exists(bin.getParent().getParent().resolve(part)), "the package lacks " + part);
        }
        try (Stream<Path> s = Files.list(bin.getParent().getParent().resolve("lib"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("bcprov-")),
                    "BouncyCastle ships as its own jar");
        }
    }

    @AfterAll
    static void down() {
        if (spec != null) {
            Sandbox.open(spec.stateDir()).ifPresent(RootLab::downAndClean);
        }
    }

    static Run run(Path cwd, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Run labtutor(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        return run(elsewhere, env, cmd.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void lessonsRunFromAnyDirectoryInTheLocalesLanguage() throws Exception {
        Run zh = labtutor(Map.of("LANG", "zh_CN.UTF-8"), "lessons");
        assertEquals(0, zh.code(), zh.err());
        assertTrue(zh.out().startsWith("Keepalived 双机热备与 LVS-DR 高可用群集\n"), zh.out());
        assertTrue(zh.out().matches("(?s).*\n 2\\. install +安装 Keepalived.*"), zh.out());
        Run en = labtutor(Map.of("LANG", "C.UTF-8"), "lessons");
        assertEquals(0, en.code(), en.err());
        assertTrue(en.out().matches("(?s).*\n 2\\. install +Install Keepalived.*"), en.out());
        assertTrue(Files.exists(bin.getParent().getParent().resolve("lib/labtutor.jsa")),
                "the first run made the AppCDS archive");
        Run version = labtutor(Map.of(), "--version");
        assertEquals("labtutor 0.1.0\n", version.out());
        assertEquals("", version.err());
    }

    @Test
    @Order(2)
    void checkRunsAgainstTheSandbox() throws Exception {
        RootLab.requireRoot();
        spec = RootLab.uniqueSpec(List.of(SandboxRole.LB01, SandboxRole.LB02));
        String[] where =
                {"--name", spec.name(), "--state-dir", spec.stateRoot().toString(), "--subnet", spec.subnetPrefix()};
        // the machine's kernel: install and check need no IPVS (the VM sandbox has tests of its own)
        Run up = labtutor(Map.of(), "sandbox", "up", "--no-vm", "--hosts", "lb01,lb02", where[0], where[1], where[2],
                where[3], where[4], where[5]);
        assertEquals(0, up.code(), up.out() + up.err());
        Path lab = Sandbox.open(spec.stateDir()).orElseThrow().labFile();
        String kh = tmp.resolve("known_hosts").toString();

        Run before = labtutor(Map.of("LANG", "C"), "check", "install", "--lab", lab.toString(), "--known-hosts", kh);
        assertEquals(1, before.code(), before.out() + before.err());
        assertTrue(before.out().contains("FAIL"), before.out());
        assertTrue(before.err().contains("new host key for lb01"), before.err());

        Run solve = labtutor(Map.of(), "sandbox", "solve", "install", where[0], where[1], where[2], where[3]);
        assertEquals(0, solve.code(), solve.out() + solve.err());
        Run after = labtutor(Map.of("LANG", "C"), "check", "install", "--lab", lab.toString(), "--known-hosts", kh);
        assertEquals(0, after.code(), after.out() + after.err());
        assertFalse(after.out().contains("FAIL") || after.out().contains("UNREACHABLE"), after.out());
    }
}
