package dev.labtutor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
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
        assertNotEquals(one, new LabKey("/home/l/lab.yaml", Map.of("lb01", "root@10.0.0.1:22", "lb02", "root@10.0.0.2:2222")));
        assertNotEquals(one, "/home/l/lab.yaml");
        assertEquals(LabKey.NONE, new LabKey("", Map.of()));
    }
}
