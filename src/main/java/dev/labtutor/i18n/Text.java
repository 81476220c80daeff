package dev.labtutor.i18n;

import java.util.Objects;

/** A learner-facing sentence in both course languages. */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    @Override
    public String toString() {
        return en;
    }
}
