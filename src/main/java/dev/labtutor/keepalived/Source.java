package dev.labtutor.keepalived;

import java.util.Objects;

/** One configuration file: the path it is reported under and its full text. */
public record Source(String path, String text) {
    public Source {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
