package dev.labtutor.i18n;

/** A checked failure whose reason is one sentence for the learner, in both languages. */
public class TextException extends Exception {

    private final transient Text reason;

    public TextException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
