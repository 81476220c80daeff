package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program (ip, nft, nsenter, ssh-keygen) with a deadline and both output streams drained together, so a
 * chatty stderr can never block it.
 */
final class LocalCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private LocalCommand() {
    }

    static ExecResult run(List<String> argv, Duration timeout, byte[] stdin) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(argv).directory(new java.io.File("/")).start();
        } catch (IOException e) {
            throw new SandboxException(Text.of("无法运行 " + argv.get(0) + "：" + e.getMessage(),
                    "Cannot run " + argv.get(0) + ": " + e.getMessage()), e);
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the program exited without reading its input; its exit status says why
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SandboxException(Text.of("命令超时：" + String.join(" ", argv),
                        "Command timed out after " + timeout.toSeconds() + " s: " + String.join(" ", argv)));
            }
            return new ExecResult(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), false, false,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SandboxException(Text.of("被中断：" + argv.get(0), "Interrupted: " + argv.get(0)), e);
        }
    }

    static ExecResult run(String... argv) {
        return run(List.of(argv), DEFAULT_TIMEOUT, null);
    }

    /** Like {@link #run(String...)}, but a non-zero exit is a {@link SandboxException} carrying stderr. */
    static String check(String... argv) {
        ExecResult r = run(argv);
        if (r.exitStatus() != 0) {
            String cmd = String.join(" ", argv);
            String why = r.stderr().isBlank() ? r.stdout().strip() : r.stderr().strip();
            throw new SandboxException(Text.of("命令失败（退出码 " + r.exitStatus() + "）：" + cmd + "：" + why,
                    "Command failed (exit " + r.exitStatus() + "): " + cmd + ": " + why));
        }
        return r.stdout();
    }

    /** Everything {@code in} gives until its end; closes it. */
    static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
