package dev.labtutor.lab;

import dev.labtutor.i18n.Text;

/**
 * A failure to talk to a host (as opposed to a host that answered with the wrong thing). The message is one sentence
 * for the learner that names the host and what to do.
 */
public final class HostException extends Exception {

    /** Why the host could not be used. {@link #unreachable()} decides UNREACHABLE vs ERROR. */
    public enum Kind {
        CONNECT_FAILED(true), CONNECT_TIMEOUT(true), AUTH_FAILED(true), COMMAND_TIMEOUT(true), DISCONNECTED(true),
        HOST_KEY_CHANGED(false), SUDO_PASSWORD_REQUIRED(false), NO_CREDENTIALS(false), PROTOCOL(false),
        /** The lab file (or a grading roster) gives no host for the role: nothing to connect to. */
        NOT_IN_LAB(false);

        private final boolean unreachable;

        Kind(boolean unreachable) {
            this.unreachable = unreachable;
        }

        public boolean unreachable() {
            return unreachable;
        }
    }

    private final Kind kind;
    private final String host;
    private final Text text;

    /** {@code text} is the learner-facing sentence in both languages; getMessage() is its English. */
    public HostException(Kind kind, String host, Text text, Throwable cause) {
        super(text.en(), cause);
        this.kind = kind;
        this.host = host;
        this.text = text;
    }

    public HostException(Kind kind, String host, Text text) {
        this(kind, host, text, null);
    }

    public Text text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }
}
