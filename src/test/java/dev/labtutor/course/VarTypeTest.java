package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VarTypeTest {

    @Test
    void ipv4() {
        assertTrue(VarType.IPV4.accepts("10.77.0.200"));
        assertFalse(VarType.IPV4.accepts("10.0.0.256"));
        assertFalse(VarType.IPV4.accepts("10.0.0.01"));
        assertFalse(VarType.IPV4.accepts("10.0.0.1; reboot"));
    }

    @Test
    void valuesThatWouldInjectShellAreRejected() {
        for (VarType t : new VarType[]{VarType.WORD, VarType.IFACE, VarType.PATH, VarType.URL}) {
            assertFalse(t.accepts("x'; rm -rf / #"), t.name());
            assertFalse(t.accepts("$(id)"), t.name());
            assertFalse(t.accepts("a b"), t.name());
        }
        assertTrue(VarType.IFACE.accepts("ens33"));
        assertFalse(VarType.IFACE.accepts("averyveryverylongname"));
        assertTrue(VarType.PATH.accepts("/etc/keepalived/keepalived.conf"));
        assertFalse(VarType.PATH.accepts("/etc/../shadow"));
        assertTrue(VarType.URL.accepts("http://10.0.0.100/index.html"));
    }
}
