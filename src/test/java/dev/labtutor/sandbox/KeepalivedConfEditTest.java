package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs against keepalived's own sample, the file learners copy to keepalived.conf. */
class KeepalivedConfEditTest {

    private static String sample() throws Exception {
        try (InputStream in =
                KeepalivedConfEditTest.class.getResourceAsStream("/dev/labtutor/sandbox/keepalived.conf.sample")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void changesEveryKeywordLineAndNothingElse() throws Exception {
        String before = sample();
        String after = KeepalivedConfEdit.set(before, "virtual_router_id", "52");
        assertTrue(after.contains("    virtual_router_id 52\n"), after);
        assertEquals(before.replace("virtual_router_id 51", "virtual_router_id 52"), after);
    }

    @Test
    void authPassAndPriority() throws Exception {
        String after = KeepalivedConfEdit.set(KeepalivedConfEdit.set(sample(), "auth_pass", "2222"), "priority", "90");
        assertTrue(after.contains("        auth_pass 2222\n"), after);
        assertTrue(after.contains("    priority 90\n"), after);
    }

    @Test
    void isCaseSensitiveLikeKeepalivedAndLeavesCommentsAlone() {
        String conf = "vrrp_instance VI_1 {\n  # priority 1\n  Priority 5\n  priority 100\n}\n";
        assertEquals("vrrp_instance VI_1 {\n  # priority 1\n  Priority 5\n  priority 7\n}\n",
                KeepalivedConfEdit.set(conf, "priority", "7"));
    }

    @Test
    void refusesWhenThereIsNothingToChange() {
        assertThrows(IllegalArgumentException.class,
                () -> KeepalivedConfEdit.set("global_defs {\n}\n", "priority", "7"));
    }
}
