package dev.labtutor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UserDirTest {

    private static final Path FALLBACK = Path.of("/home/ann/.local/state");

    @Test
    void thePropertyWinsOverEverything() {
        assertEquals(Path.of("/t/state"), UserDir.resolve("/t/state", "/xdg", FALLBACK));
    }

    @Test
    void anAbsoluteXdgDirectoryIsUsed() {
        assertEquals(Path.of("/xdg/labtutor"), UserDir.resolve(null, "/xdg", FALLBACK));
        assertEquals(Path.of("/xdg/labtutor"), UserDir.resolve(" ", "/xdg", FALLBACK),
                "a blank property counts as unset");
    }

    @Test
    void anUnsetEmptyOrRelativeXdgDirectoryFallsBack() {
        for (String xdg : new String[]{null, "", "  ", "relative/dir"}) {
            assertEquals(Path.of("/home/ann/.local/state/labtutor"), UserDir.resolve(null, xdg, FALLBACK),
                    String.valueOf(xdg));
        }
    }
}
