package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads captured fixtures from the classpath and the shared corpus beside the project. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String rel) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + rel)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + rel);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A probe run captured as fixtures/probe/NAME.{out,err,rc}. */
    static ProbeOutput probe(String name) {
        return new ProbeOutput(text("probe/" + name + ".out"), text("probe/" + name + ".err"),
                Integer.parseInt(text("probe/" + name + ".rc").trim()), false, false);
    }

    static ProbeOutput ok(String stdout) {
        return new ProbeOutput(stdout, "", 0, false, false);
    }

    /** The read-only shared corpus ({@code ${labtutor.root}/../shared}); skips (fails in CI) when it is absent. */
    static Path shared(String rel) {
        return dev.labtutor.keepalived.Corpus.shared().resolve(rel);
    }

    static String sharedText(String rel) {
        try {
            return Files.readString(shared(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
