package dev.labtutor.check.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Test support: feeds a batch script to a local {@code sh -s}, optionally via a prefix such as {@code ip netns exec
 * NS}.
 */
public final class LocalSh {

    private LocalSh() {
    }

    /** Runs the script and returns stdout decoded as UTF-8 (bad bytes become U+FFFD), failing on a non-zero exit. */
    public static String run(String script, String... prefix) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(prefix));
        cmd.add("sh");
        cmd.add("-s");
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("batch did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(
                    "sh -s exited " + p.exitValue() + ": " + new String(err.join(), StandardCharsets.UTF_8));
        }
        return new String(out.join(), StandardCharsets.UTF_8);
    }

    /** Runs a short command, returning its exit status (output discarded). */
    public static int status(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
