package dev.labtutor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LabKey's written-out equals and hashCode: the same file and hosts, whatever order the hosts came in. */
class LabKeyTest {

    @Test
    void equalWhenFileAndHostsAreTheSame() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("lb01", "root@10.0.0.1:22");
        ab.put("lb02", "root@10.0.0.2:22");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("lb02", "root@10.0.0.2:22");
        ba.put("lb01", "root@10.0.0.1:22");
        LabKey one = new LabKey("/home/l/lab.yaml", ab);
        LabKey two = new LabKey("/home/l/lab.yaml", ba);
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertEquals(one.id(), two.id());
        assertNotEquals(one, new LabKey("/home/l/other.yaml", ab));
        assertNotEquals(one, new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@10.0.0.1:22")));
        assertNotEquals(one,
                new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@10.0.0.1:22", "lb02", "root@10.0.0.2:2222")));
        assertNotEquals(one, "/home/l/lab.yaml");
        assertEquals(LabKey.NONE, new LabKey("", Map.of()));
    }

    @Test
    void theSameLabIsTheSameFileAndRolesAndOnlyAddressesCountAsMoves() {
        LabKey lab = new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@10.0.0.1:22", "lb02", "root@10.0.0.2:22"));
        LabKey typo =
                new LabKey("/home/l/lab.yaml", Map.of("lb01", "admin@10.0.0.1:2222", "lb02", "root@10.0.0.12:22"));
        assertTrue(lab.sameLab(typo));
        assertEquals(lab.id(), typo.id());
        assertEquals(List.of("lb02"), lab.movedRoles(typo), "a new user or port is not a move");
        assertFalse(lab.sameLab(new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@10.0.0.1:22"))));
        assertFalse(lab.sameLab(new LabKey("/home/l/other.yaml", lab.hosts())));
        assertNotEquals(lab.id(), new LabKey("/home/l/other.yaml", lab.hosts()).id());
        assertEquals(List.of("lb01", "lb02"), lab.movedRoles(
                new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@[fd00::1]:22", "lb02", "root@10.9.0.2:22"))));
    }
}
