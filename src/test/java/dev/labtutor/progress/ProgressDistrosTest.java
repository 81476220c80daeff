package dev.labtutor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each host's detected distribution is kept in the progress file beside its interface (issue 17). */
class ProgressDistrosTest {

    static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    static final Distro BARE = new Distro("", "", "", "apt-get", Optional.empty(), Optional.of(Family.DEBIAN));
    static final Distro UNKNOWN = new Distro("plan9", "4", "Plan 9", "", Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    @Test
    void distrosRoundTripThroughTheFile() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        Progress p =
                ProgressStoreTest.sample(1, 2).withDistros(Map.of("lb01", CENTOS7, "lb02", BARE, "web01", UNKNOWN));
        store.save(p);
        ProgressStore.Loaded back = store.load("keepalived-lvs", ProgressStoreTest.LAB);
        assertTrue(back.warning().isEmpty(), back.warning().toString());
        assertEquals(p, back.progress());
        assertEquals(CENTOS7, back.progress().distros().get("lb01"));
    }

    @Test
    void theFileNamesEachHostsDistributionAndFamily() {
        String json = ProgressJson.write(ProgressStoreTest.sample(1, 0).withDistros(Map.of("lb01", CENTOS7)));
        assertTrue(json.contains("\"family\": \"centos7\""), json);
        assertTrue(json.contains("\"keepalived\": \"1.3.5\""), json);
        assertTrue(json.contains("\"display\": \"CentOS Linux 7 · keepalived 1.3.5\""), json);
    }

    @Test
    void aFileWrittenBeforeDistrosStillLoads() throws Exception {
        Progress before = ProgressStoreTest.sample(2, 1);
        String json = ProgressJson.write(before);
        String old = json.replaceAll("(?s),\\s*\"distros\": \\{\\s*\\}", "");
        assertTrue(!old.contains("distros") && old.contains("\"ifaces\""), old);
        Progress read = ProgressJson.read(old);
        assertEquals(Map.of(), read.distros());
        assertEquals(before, read);
        ProgressStore store = new ProgressStore(dir);
        Files.createDirectories(store.file("keepalived-lvs", ProgressStoreTest.LAB).getParent());
        Files.writeString(store.file("keepalived-lvs", ProgressStoreTest.LAB), old);
        ProgressStore.Loaded loaded = store.load("keepalived-lvs", ProgressStoreTest.LAB);
        assertTrue(loaded.existed() && loaded.warning().isEmpty(), loaded.warning().toString());
        assertEquals(before, loaded.progress());
    }

    @Test
    void aDistroThatIsNotOneIsRefusedNotHalfRead() {
        String json = ProgressJson.write(ProgressStoreTest.sample(1, 0).withDistros(Map.of("lb01", CENTOS7)));
        String broken = json.replace("\"id\": \"centos\"", "\"id\": 7");
        ProgressJson.Invalid e = assertThrows(ProgressJson.Invalid.class, () -> ProgressJson.read(broken));
        assertTrue(e.getMessage().contains("lb01"), e.getMessage());
    }
}
