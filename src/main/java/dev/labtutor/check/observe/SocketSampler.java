package dev.labtutor.check.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link Sampler} whose targets are asked with plain sockets from this machine: a TCP connect, or an HTTP/1.0 GET on
 * a new connection (one request, {@code Connection: close}), each with short timeouts so that a lost request costs at
 * most a second. Host addresses come from the given function (the prober, over the kept SSH connections).
 */
public final class SocketSampler implements Sampler {

    private static final int BODY_CAP = 8192;

    private final Function<Set<String>, Map<String, Set<String>>> addresses;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public SocketSampler(Function<Set<String>, Map<String, Set<String>>> addresses, Duration connectTimeout,
            Duration readTimeout) {
        this.addresses = addresses;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public static SocketSampler withDefaults(Function<Set<String>, Map<String, Set<String>>> addresses) {
        return new SocketSampler(addresses, Duration.ofMillis(700), Duration.ofMillis(1000));
    }

    @Override
    public Map<String, Set<String>> addresses(Set<String> roles) {
        return addresses.apply(roles);
    }

    @Override
    public Answer ask(Target target) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(target.host(), target.port()), (int) connectTimeout.toMillis());
            } catch (ConnectException e) {
                String m = String.valueOf(e.getMessage());
                if (target.kind() == Target.Kind.TCP && m.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                    return new Answer(true, 0, "", "connection refused", ms(t0));
                }
                return Answer.lost(m.toLowerCase(java.util.Locale.ROOT).contains("refused") ? "connection refused" : m,
                        ms(t0));
            }
            if (target.kind() == Target.Kind.TCP) {
                return new Answer(true, 0, "", "", ms(t0));
            }
            s.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target.path() + " HTTP/1.0\r\nHost: " + target.host() + "\r\nUser-Agent: labtutor\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = in.readNBytes(BODY_CAP);
            String text = new String(buf, StandardCharsets.UTF_8);
            int sp = text.indexOf(' ');
            int status = 0;
            if (text.startsWith("HTTP/") && sp > 0 && text.length() >= sp + 4) {
                try {
                    status = Integer.parseInt(text.substring(sp + 1, sp + 4));
                } catch (NumberFormatException e) {
                    status = 0;
                }
            }
            if (status == 0) {
                return Answer.lost("no HTTP response", ms(t0));
            }
            int body = text.indexOf("\r\n\r\n");
            return new Answer(true, status, body < 0 ? "" : text.substring(body + 4).strip(), "", ms(t0));
        } catch (SocketTimeoutException e) {
            return Answer.lost("timed out", ms(t0));
        } catch (NoRouteToHostException e) {
            return Answer.lost("no route to host", ms(t0));
        } catch (IOException e) {
            return Answer.lost(String.valueOf(e.getMessage()), ms(t0));
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
