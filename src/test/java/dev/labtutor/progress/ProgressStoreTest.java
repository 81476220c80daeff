package dev.labtutor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file: exact round trip, atomic replacement, unreadable or foreign files moved aside. */
class ProgressStoreTest {

    static final LabKey LAB =
            new LabKey("/home/learner/lab.yaml", Map.of("lb01", "root@10.0.0.11:22", "lb02", "admin@10.0.0.12:2222"));

    @TempDir
    Path dir;

    static Progress sample(int attempts, int checks) {
        Instant t = Instant.parse("2025-03-01T08:00:00Z");
        List<CheckMark> marks = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            marks.add(new CheckMark("check-" + i, Text.of("检查 " + i, "check " + i), i % 2 == 0 ? "pass" : "fail",
                    List.of(new HostMark("lb01", "pass", "", Text.of("好", "fine"), Optional.empty(), List.of()),
                            new HostMark("lb02", i % 2 == 0 ? "pass" : "fail", "wrong-\"quote\"",
                                    Text.of("不对：\n第二行", "wrong:\n\tline two"),
                                    Optional.of(Text.of("提示", "hint \\ backslash")),
                                    List.of("evidence " + i, "ip -4 -o addr: 10.0.0.12/24"))),
                    List.of(Text.of("注意", "a note"))));
        }
        LessonProgress install = new LessonProgress(LessonState.PASSED, attempts, Optional.of(t),
                Optional.of(t.plusSeconds(600)), Duration.ofSeconds(420), 2, Optional.of(t.plusSeconds(300)),
                Map.of("vip", "b"), Optional.of(t.plusSeconds(599)), marks);
        return new Progress("keepalived-lvs", LAB, "master", 1,
                Map.of("install", install, "master", LessonProgress.fresh(LessonState.OPEN)), Map.of("lb01", "eth1"),
                Optional.of(t.plusSeconds(601)));
    }

    @Test
    void roundTripsExactly() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("state"));
        Progress p = sample(3, 4);
        store.save(p);
        ProgressStore.Loaded back = store.load("keepalived-lvs", LAB);
        assertTrue(back.existed());
        assertTrue(back.warning().isEmpty());
        assertEquals(p, back.progress());
        Path f = store.file("keepalived-lvs", LAB);
        assertTrue(Files.readString(f).contains("\"format\": \"labtutor-progress/1\""));
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dir.resolve("state")));
        try (var files = Files.list(dir.resolve("state"))) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aMissingFileIsAFreshStart() {
        ProgressStore.Loaded l = new ProgressStore(dir).load("keepalived-lvs", LAB);
        assertFalse(l.existed());
        assertTrue(l.warning().isEmpty());
        assertTrue(l.progress().lessons().isEmpty());
    }

    @Test
    void aCorruptFileIsMovedAsideWithOneSentenceNeverEmptied() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        Path f = store.file("keepalived-lvs", LAB);
        String garbage = "{\"format\": \"labtutor-progress/1\", \"course\": ";
        Files.writeString(f, garbage);
        ProgressStore.Loaded l = store.load("keepalived-lvs", LAB);
        assertTrue(l.progress().lessons().isEmpty());
        String w = l.warning().orElseThrow().en();
        assertFalse(w.contains("\n"), w);
        assertTrue(w.contains("moved it aside to") && w.contains(f.toString()), w);
        Path aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().contains(".unreadable-")).findFirst().orElseThrow();
        }
        assertEquals(garbage, Files.readString(aside), "the unreadable file is kept as it was");
        assertFalse(Files.exists(f));
        store.save(sample(1, 1));
        assertTrue(store.load("keepalived-lvs", LAB).warning().isEmpty());
    }

    @Test
    void aFileOfAnotherLabOrFormatIsMovedAside() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        Progress other = sample(1, 1);
        Files.writeString(store.file("keepalived-lvs", LAB), ProgressJson.write(new Progress(other.course(),
                LabKey.NONE, other.current(), other.step(), other.lessons(), other.ifaces(), other.updated())));
        assertTrue(store.load("keepalived-lvs", LAB).warning().orElseThrow().en()
                .contains("belongs to course keepalived-lvs on lab (none)"));
        Files.writeString(store.file("keepalived-lvs", LAB), "{\"format\": \"something-else/2\"}");
        assertTrue(store.load("keepalived-lvs", LAB).warning().orElseThrow().en()
                .contains("not a labtutor-progress/1 file"));
        Files.writeString(store.file("keepalived-lvs", LAB),
                ProgressJson.write(other).replace("\"attempts\": 1", "\"attempts\": -4"));
        assertTrue(store.load("keepalived-lvs", LAB).warning().orElseThrow().en().contains("negative"));
    }

    @Test
    void theLabIsItsFileAndRolesNotItsAddresses() {
        ProgressStore store = new ProgressStore(dir);
        Path f = store.file("keepalived-lvs", LAB);
        assertEquals(f, store.file("keepalived-lvs",
                new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.99:22", "lb02", "admin@10.0.0.12:22"))));
        assertFalse(
                f.equals(store.file("keepalived-lvs", new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.11:22")))));
        assertFalse(f.equals(store.file("keepalived-lvs", new LabKey("/home/learner/other.yaml", LAB.hosts()))));
    }

    /** Progress saved on {@link #LAB}, loaded again after the lab file gave lb01 and lb02 these hosts. */
    private ProgressStore.Loaded savedThenLoadedOn(String lb01, String lb02) throws Exception {
        ProgressStore store = new ProgressStore(dir);
        store.save(sample(3, 2));
        return store.load("keepalived-lvs", new LabKey(LAB.file(), Map.of("lb01", lb01, "lb02", lb02)));
    }

    @Test
    void fixingATypoInAnAddressKeepsTheProgressSilently() throws Exception {
        ProgressStore.Loaded l = savedThenLoadedOn("root@10.0.0.11:22", "admin@10.0.0.21:2222");
        LabKey fixed = new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.11:22", "lb02", "admin@10.0.0.21:2222"));
        assertTrue(l.warning().isEmpty(), () -> l.warning().get().en());
        assertEquals(sample(3, 2).lessons(), l.progress().lessons());
        assertEquals(fixed, l.progress().lab(), "saved from now on with the addresses as they are");
    }

    @Test
    void whenEveryHostMovedTheProgressIsKeptAndTheLearnerTold() throws Exception {
        ProgressStore.Loaded l = savedThenLoadedOn("root@192.168.5.11:22", "admin@192.168.5.12:2222");
        assertEquals(sample(3, 2).lessons(), l.progress().lessons());
        String w = l.warning().orElseThrow().en();
        assertFalse(w.contains("\n"), w);
        assertTrue(w.contains("other addresses (all 2 changed, e.g. lb01 root@10.0.0.11:22 → root@192.168.5.11:22)")
                && w.contains("labtutor reset --all"), w);
        assertTrue(l.warning().orElseThrow().zh().contains("进度已保留"));
    }

    /** The file name progress had while it was keyed by the host addresses too (labtutor before issue 19). */
    private static String addressKeyedName(LabKey k) {
        StringBuilder sb = new StringBuilder(k.file());
        k.hosts().forEach((role, at) -> sb.append('\n').append(role).append('=').append(at));
        long h = 0xcbf29ce484222325L;
        for (byte b : sb.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return String.format("progress-keepalived-lvs-%016x.json", h);
    }

    @Test
    void progressKeyedByAddressesIsCarriedOverEvenAfterATypoFix() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        Path old = dir.resolve(addressKeyedName(LAB));
        Files.writeString(old, ProgressJson.write(sample(3, 2)));
        LabKey fixed = new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.11:22", "lb02", "admin@10.0.0.21:2222"));
        ProgressStore.Loaded l = store.load("keepalived-lvs", fixed);
        assertTrue(l.existed());
        assertTrue(l.warning().isEmpty(), () -> l.warning().get().en());
        assertEquals(sample(3, 2).onLab(fixed), l.progress());
        assertFalse(Files.exists(old));
        assertEquals(sample(3, 2).onLab(fixed), store.load("keepalived-lvs", fixed).progress(),
                "now under the lab's own name");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(store.file("keepalived-lvs", fixed)), files.toList());
        }
    }

    @Test
    void resetErasesEveryFileOfTheLabSoNothingIsCarriedOverAgain() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        Files.writeString(dir.resolve(addressKeyedName(LAB)), ProgressJson.write(sample(3, 2)));
        LabKey fixed = new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.11:22", "lb02", "admin@10.0.0.21:2222"));
        Files.writeString(dir.resolve(addressKeyedName(fixed)), ProgressJson.write(sample(1, 1).onLab(fixed)));
        LabKey otherLab = new LabKey("/home/learner/other.yaml", LAB.hosts());
        store.save(sample(2, 1).onLab(otherLab));
        assertTrue(store.delete("keepalived-lvs", fixed));
        ProgressStore.Loaded l = store.load("keepalived-lvs", fixed);
        assertFalse(l.existed());
        assertTrue(l.progress().lessons().isEmpty());
        assertEquals(sample(2, 1).onLab(otherLab), store.load("keepalived-lvs", otherLab).progress(),
                "another lab's progress stays");
    }

    @Test
    void aLabFileWithOtherRolesStartsAfreshAndSaysWhereTheEarlierProgressIs() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        store.save(sample(3, 2));
        LabKey fewer = new LabKey(LAB.file(), Map.of("lb01", "root@10.0.0.11:22"));
        ProgressStore.Loaded l = store.load("keepalived-lvs", fewer);
        assertTrue(l.progress().lessons().isEmpty());
        String w = l.warning().orElseThrow().en();
        assertTrue(w.contains("other roles") && w.contains(store.file("keepalived-lvs", LAB).toString()), w);
        assertTrue(Files.exists(store.file("keepalived-lvs", LAB)), "the earlier progress is not touched");
    }

    /**
     * A separate JVM saves in a loop, printing each attempt count once its save returned; it is killed with SIGKILL at
     * a random moment. The file must then hold the last completed save or the one being written (never a mix, never
     * unreadable).
     */
    @Test
    void sigkillInTheMiddleOfWritesLeavesTheLastOrThePreviousFile() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 8; round++) {
            Path state = dir.resolve("kill" + round);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), SaveLoop.class.getName(), state.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int last = -1;
            int stopAfter = 20 + random.nextInt(60);
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    last = Integer.parseInt(line.strip());
                    if (last >= stopAfter) {
                        p.destroyForcibly();
                        break;
                    }
                }
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
            ProgressStore.Loaded l = new ProgressStore(state).load("keepalived-lvs", LAB);
            assertTrue(l.warning().isEmpty(), () -> l.warning().get().en());
            int onDisk = l.progress().lesson("install").orElseThrow().attempts();
            assertTrue(onDisk == last || onDisk == last + 1,
                    "round " + round + ": file has " + onDisk + ", last completed save " + last);
        }
    }

    /** The child of the SIGKILL test. */
    public static final class SaveLoop {
        public static void main(String[] args) throws Exception {
            ProgressStore store = new ProgressStore(Path.of(args[0]));
            for (int i = 0;; i++) {
                store.save(sample(i, 300));
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
