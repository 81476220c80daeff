package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared keepalived corpus lives; skips outside CI when it is absent, fails in CI. */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        String base = System.getProperty("labtutor.root", ".");
        Path p = Path.of(base).resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("shared corpus missing at " + p + " (required in CI)");
            }
            assumeTrue(false, "shared corpus not present at " + p);
        }
        return p;
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }
}
