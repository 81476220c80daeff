package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labtutor.sandbox.SandboxPreflight;
import dev.labtutor.sandbox.SandboxSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SandboxCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cl.setParameterExceptionHandler(ExitCodes::handleParameterException);
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void aSandboxThatIsNotUpIsAUserErrorThatSaysWhatToRun() throws Exception {
        Path root = Files.createTempDirectory("labtutor-sbx-cli");
        try {
            Run r = run("status", "--name", "nope", "--state-dir", root.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("sudo labtutor sandbox"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        } finally {
            Files.delete(root);
        }
    }

    @Test
    void whatASandboxCommandSuggestsNamesTheSandboxItIsAbout() throws Exception {
        Path root = Files.createTempDirectory("labtutor-sbx-cli");
        try {
            Run r = run("status", "--name", "nt", "--state-dir", root.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertTrue(
                    r.err().contains(
                            "Sandbox nt is not up; run: sudo labtutor sandbox up --name nt --state-dir " + root),
                    r.err());

            SandboxSpec elsewhere = SandboxSpec.defaults().withName("nt").withStateRoot(root);
            assertEquals("Next: labtutor --lab " + root.resolve("nt/lab.yaml") + "   |   labtutor check --lab "
                    + root.resolve("nt/lab.yaml") + "   |   labtutor sandbox ssh --name nt --state-dir " + root
                    + " lb01", SandboxUpCommand.nextCommands(elsewhere));
            SandboxSpec named = SandboxSpec.defaults().withName("nt");
            assertEquals(
                    "Next: labtutor --sandbox nt   |   labtutor check --sandbox nt   |   labtutor sandbox ssh --name nt lb01",
                    SandboxUpCommand.nextCommands(named));
            assertEquals("Next: labtutor   |   labtutor check   |   labtutor sandbox ssh lb01",
                    SandboxUpCommand.nextCommands(SandboxSpec.defaults()));
        } finally {
            Files.delete(root);
        }
    }

    @Test
    void seedSubnetAndUnknownHostsAreRejected() {
        assumeTrue(SandboxPreflight.problem().isEmpty(), "needs root for up to get past preflight");
        assertEquals(ExitCodes.BAD_INPUT, run("up", "--subnet", "192.168.10").code());
        Run r = run("up", "--hosts", "lb01,db01");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown sandbox host 'db01'"), r.err());
    }

    @Test
    void upStatusBreakDownThroughTheCli() throws Exception {
        if (SandboxPreflight.problem().isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the sandbox cannot run: " + SandboxPreflight.problem().get().en());
            }
            assumeTrue(false, "needs root");
        }
        Path root = Files.createTempDirectory("labtutor-sbx-cli");
        String name = "c" + HexFormat.of().formatHex(new byte[]{(byte) ThreadLocalRandom.current().nextInt(256),
                (byte) ThreadLocalRandom.current().nextInt(256)});
        String subnet = "10.77." + (100 + ThreadLocalRandom.current().nextInt(150));
        String[] where = {"--name", name, "--state-dir", root.toString()};
        try {
            Run up = run(concat(new String[]{"up", "--no-vm", "--hosts", "lb01", "--subnet", subnet, "--iface", "lab0"},
                    where));
            assertEquals(ExitCodes.OK, up.code(), up.err());
            assertTrue(up.out().contains("subnet " + subnet + ".0/24, VIP " + subnet + ".200, interface lab0"),
                    up.out());

            Run status = run(concat(new String[]{"status"}, where));
            assertEquals(ExitCodes.OK, status.code(), status.err());
            assertTrue(status.out().matches("(?s).*\\nlb01 +" + subnet.replace(".", "\\.") + "\\.11 +yes +yes +no .*"),
                    status.out());

            Run broken = run(concat(new String[]{"break", "sshd-stopped", "lb01"}, where));
            assertEquals(ExitCodes.OK, broken.code(), broken.err());
            assertTrue(run(concat(new String[]{"status"}, where)).out().contains(" yes      no "));

            Run bad = run(concat(new String[]{"break", "reboot"}, where));
            assertEquals(ExitCodes.BAD_INPUT, bad.code());
            assertTrue(bad.err().contains("unknown scenario 'reboot'"), bad.err());
        } finally {
            Run down = run(concat(new String[]{"down"}, where));
            assertEquals(ExitCodes.OK, down.code(), down.err());
            assertTrue(down.out().contains("is down"), down.out());
            assertTrue(run(concat(new String[]{"down"}, where)).out().contains("was not up"));
            Files.delete(root);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
