package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterVarsTest {

    @Test
    void everyPairDiffersInVipVridAndAuthPassAndNoneUsesTheDefaults() {
        Set<String> defaults = Set.of("192.168.10.100", "51", "1111");
        List<RosterVars.Block> blocks = RosterVars.generate(120, "192.168.10.0", 24, defaults, new Random(7));
        assertEquals(120, blocks.size());
        Set<String> vips = new HashSet<>();
        Set<Integer> vrids = new HashSet<>();
        Set<String> passes = new HashSet<>();
        for (RosterVars.Block b : blocks) {
            assertTrue(vips.add(b.vip()) && vrids.add(b.vrid()) && passes.add(b.authPass()), b.toString());
            assertTrue(b.vip().startsWith("192.168.10."), b.vip());
            int last = Integer.parseInt(b.vip().substring(b.vip().lastIndexOf('.') + 1));
            assertTrue(last >= 128 && last <= 254, "upper half, not the broadcast: " + b.vip());
            assertTrue(b.vrid() >= 1 && b.vrid() <= 255 && b.vrid() != 51, "vrid " + b.vrid());
            assertTrue(b.authPass().matches("[a-z2-9]{8}"),
                    "8 characters, all compared by keepalived: " + b.authPass());
        }
        assertTrue(!vips.contains("192.168.10.100") && !passes.contains("1111"));
        assertEquals(blocks, RosterVars.generate(120, "192.168.10.0", 24, defaults, new Random(7)),
                "same seed, same blocks");
    }

    @Test
    void moreStudentsThanTheSubnetOrTheVridRangeHoldIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RosterVars.generate(20, "10.0.0.0", 28, Set.of(), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> RosterVars.generate(256, "10.0.0.0", 16, Set.of(), new Random()));
        assertEquals(255, RosterVars.generate(255, "10.0.0.0", 16, Set.of(), new Random()).size());
        assertThrows(IllegalArgumentException.class,
                () -> RosterVars.generate(1, "10.0.0.0", 8, Set.of(), new Random()));
    }

    @Test
    void redactorMasksPasswordsEverywhereAndVrrpPasswordsAsWords() {
        Redactor r = new Redactor();
        r.secret("hunter2!");
        r.word("k2x9ab7q");
        assertEquals("login ******** ok", r.clean("login hunter2! ok"));
        assertEquals("vars ********, k2x9ab7qz stays", r.clean("vars k2x9ab7q, k2x9ab7qz stays"));
        assertEquals("  auth_pass ********\n  auth_pass ********  # x",
                r.clean("  auth_pass 1111\n  auth_pass \"a b\"  # x".replace("\"a b\"", "zz")));
    }
}
