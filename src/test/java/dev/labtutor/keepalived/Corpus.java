package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared material lives ({@code ../shared} beside the project): skips a test outside CI when it is absent (a
 * fresh clone on its own), fails it under {@code CI=true}.
 */
public final class Corpus {

    private Corpus() {
    }

    static Path root() {
        return shared().resolve("corpus");
    }

    /** {@code ${labtutor.root}/../shared}, which must hold {@code corpus/}. */
    public static Path shared() {
        String base = System.getProperty("labtutor.root", ".");
        Path p = Path.of(base).resolve("../shared").normalize();
        if (!Files.isDirectory(p.resolve("corpus"))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("shared corpus missing at " + p.resolve("corpus") + " (required in CI)");
            }
            assumeTrue(false, "the shared corpus is not beside this checkout (" + p.resolve("corpus")
                    + "), so the tests that read it are skipped; CI has it and runs them");
        }
        return p;
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }
}
