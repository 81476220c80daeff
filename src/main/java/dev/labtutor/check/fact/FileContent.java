package dev.labtutor.check.fact;

/** A remote file's text. {@code content} is empty when the file does not exist or cannot be read. */
public record FileContent(String path, boolean exists, boolean readable, String content,
        boolean truncated) implements Fact {
}
