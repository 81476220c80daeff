package dev.labtutor.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * A client of {@code ssh-agent} over its UNIX domain socket ({@code SSH_AUTH_SOCK}), speaking the two requests a login
 * needs (draft-miller-ssh-agent: REQUEST_IDENTITIES and SIGN_REQUEST), and the sshj {@code publickey} method that signs
 * with it. sshj has no agent support of its own and the maintained Java agent libraries pull in JNA; Java 16+ speaks
 * UNIX sockets natively, and the protocol is four message types. Private keys never leave the agent.
 */
final class SshAgent {

    private static final int SSH_AGENT_FAILURE = 5;
    private static final int SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    private static final int SSH2_AGENT_IDENTITIES_ANSWER = 12;
    private static final int SSH2_AGENTC_SIGN_REQUEST = 13;
    private static final int SSH2_AGENT_SIGN_RESPONSE = 14;
    private static final int SSH_AGENT_RSA_SHA2_512 = 4;
    private static final int MAX_MESSAGE = 256 * 1024;

    /** One key the agent holds: its wire-format public key blob, type and comment. */
    record Identity(byte[] blob, String keyType, String comment) {

        /** The publickey algorithm to offer: RSA keys sign with rsa-sha2-512, others with their type. */
        String algorithm() {
            return keyType.equals("ssh-rsa") ? "rsa-sha2-512" : keyType;
        }

        int signFlags() {
            return keyType.equals("ssh-rsa") ? SSH_AGENT_RSA_SHA2_512 : 0;
        }

        /** {@code type comment} for messages ("ssh-ed25519 me@laptop"). */
        String describe() {
            return keyType + (comment.isBlank() ? "" : " " + comment);
        }
    }

    private final Path socket;
    private final Duration timeout;

    SshAgent(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    Path socket() {
        return socket;
    }

    /** The keys the agent offers, in its order. */
    List<Identity> identities() throws IOException {
        Buffer.PlainBuffer reply = call(new byte[]{SSH2_AGENTC_REQUEST_IDENTITIES});
        int type = reply.readByte();
        if (type != SSH2_AGENT_IDENTITIES_ANSWER) {
            throw new IOException("ssh-agent answered " + type + " to a request for identities");
        }
        try {
            long n = reply.readUInt32();
            List<Identity> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                byte[] blob = reply.readBytes();
                String comment = reply.readString(StandardCharsets.UTF_8);
                String keyType = new Buffer.PlainBuffer(blob).readString(StandardCharsets.US_ASCII);
                out.add(new Identity(blob, keyType, comment));
            }
            return out;
        } catch (Buffer.BufferException e) {
            throw new IOException("ssh-agent sent a malformed identity list", e);
        }
    }

    /** The agent's signature of {@code data} with {@code id}, in SSH wire form (string format, string blob). */
    byte[] sign(Identity id, byte[] data) throws IOException {
        Buffer.PlainBuffer req = new Buffer.PlainBuffer();
        req.putByte((byte) SSH2_AGENTC_SIGN_REQUEST);
        req.putBytes(id.blob());
        req.putBytes(data);
        req.putUInt32(id.signFlags());
        Buffer.PlainBuffer reply = call(req.getCompactData());
        int type = reply.readByte();
        if (type == SSH_AGENT_FAILURE) {
            throw new IOException("ssh-agent refused to sign with " + id.describe()
                    + " (a key that needs confirmation, or a locked agent)");
        }
        if (type != SSH2_AGENT_SIGN_RESPONSE) {
            throw new IOException("ssh-agent answered " + type + " to a sign request");
        }
        try {
            return reply.readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("ssh-agent sent a malformed signature", e);
        }
    }

    /** One request on a fresh connection (the agent closes idle ones; requests are rare). */
    private Buffer.PlainBuffer call(byte[] payload) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(framed);
            d.writeInt(payload.length);
            d.write(payload);
            ByteBuffer out = ByteBuffer.wrap(framed.toByteArray());
            while (out.hasRemaining()) {
                ch.write(out);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            var closer = Watchdog.schedule(() -> {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the read below fails and says so
                }
            }, Math.max(1, deadline - System.nanoTime()));
            try {
                ByteBuffer len = readFully(ch, 4);
                int n = len.getInt(0);
                if (n <= 0 || n > MAX_MESSAGE) {
                    throw new IOException("ssh-agent sent a message of " + n + " bytes");
                }
                return new Buffer.PlainBuffer(readFully(ch, n).array());
            } finally {
                closer.cancel(false);
            }
        } catch (Buffer.BufferException e) {
            throw new IOException(e);
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
        }
        return b;
    }

    /** sshj's {@code publickey} method with the signature made by the agent. */
    static final class Auth extends AbstractAuthMethod {
        private final SshAgent agent;
        private final Identity id;

        Auth(SshAgent agent, Identity id) {
            super("publickey");
            this.agent = agent;
            this.id = id;
        }

        @Override
        protected SSHPacket buildReq() throws UserAuthException {
            return withKey(super.buildReq(), false);
        }

        private SSHPacket withKey(SSHPacket req, boolean signed) {
            req.putBoolean(signed).putString(id.algorithm()).putString(id.blob());
            return req;
        }

        @Override
        public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
            if (cmd != Message.USERAUTH_60) {
                super.handle(cmd, buf);
                return;
            }
            SSHPacket req = withKey(super.buildReq(), true);
            byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(req)
                    .getCompactData();
            try {
                req.putString(agent.sign(id, data));
            } catch (IOException e) {
                throw new UserAuthException(e.getMessage(), e);
            }
            params.getTransport().write(req);
        }
    }
}
