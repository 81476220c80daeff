package dev.labtutor.lab;

import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A lab host for tests that answers: each script runs in this machine's own {@code sh -s}. */
public final class LocalSh {

    private LocalSh() {
    }

    public static RemoteShell of(HostSpec host) {
        return of(host, UnaryOperator.identity());
    }

    /** As {@link #of(HostSpec)}, the standard output passed through {@code stdout} (to garble an answer). */
    public static RemoteShell of(HostSpec host, UnaryOperator<String> stdout) {
        return new RemoteShell() {
            @Override
            public HostSpec host() {
                return host;
            }

            @Override
            public ExecResult runScript(String script, Duration timeout) throws HostException {
                long t0 = System.nanoTime();
                try {
                    Path err = Files.createTempFile("local-sh", ".err");
                    try {
                        Process p = new ProcessBuilder("sh", "-s").redirectError(err.toFile()).start();
                        try (OutputStream in = p.getOutputStream()) {
                            in.write(script.getBytes(StandardCharsets.UTF_8));
                        }
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                            p.destroyForcibly();
                            throw new HostException(HostException.Kind.COMMAND_TIMEOUT, host.role(),
                                    Text.of("超时", "timed out"));
                        }
                        return new ExecResult(p.exitValue(), stdout.apply(out), Files.readString(err), false, false,
                                Duration.ofNanos(System.nanoTime() - t0));
                    } finally {
                        Files.deleteIfExists(err);
                    }
                } catch (IOException e) {
                    throw new HostException(HostException.Kind.PROTOCOL, host.role(), Text.of("sh 出错", "sh broke"), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HostException(HostException.Kind.DISCONNECTED, host.role(), Text.of("中断", "interrupted"),
                            e);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
