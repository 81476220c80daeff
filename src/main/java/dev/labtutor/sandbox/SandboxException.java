package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;

/**
 * The sandbox could not be built, used or removed. The text is one sentence for the learner that says what to do;
 * {@link #getMessage()} is its English.
 */
public final class SandboxException extends RuntimeException {

    private final Text text;

    public SandboxException(Text text) {
        this(text, null);
    }

    public SandboxException(Text text, Throwable cause) {
        super(text.en(), cause);
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
