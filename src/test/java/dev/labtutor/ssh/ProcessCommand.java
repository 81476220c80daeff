package dev.labtutor.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A MINA sshd command that really runs a local process: channel stdin to the process's stdin (flushed as it arrives, so
 * a resident shell sees each batch at once; closed at channel EOF, which is how {@code sh -s} learns the script has
 * ended), stdout and stderr back, exit status reported. Destroying the channel kills the process tree.
 */
final class ProcessCommand implements Command {

    private final List<String> argv;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    ProcessCommand(String... argv) {
        this.argv = List.of(argv);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Process p = new ProcessBuilder(argv).start();
        process = p;
        daemon("stdin", () -> {
            try (OutputStream stdin = p.getOutputStream()) {
                copy(in, stdin);
            }
        });
        Thread o = daemon("stdout", () -> copy(p.getInputStream(), out));
        Thread e = daemon("stderr", () -> copy(p.getErrorStream(), err));
        daemon("wait", () -> {
            int code;
            try {
                code = p.waitFor();
                o.join();
                e.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            exit.onExit(code);
        });
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = from.read(buf)) >= 0) {
            to.write(buf, 0, n);
            to.flush();
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private Thread daemon(String name, Io body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (IOException ignored) {
                // the channel or the process went away; the wait thread reports the exit
            }
        }, "test-sshd-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
