package dev.labtutor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.ProgressStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effects of a session run for real on threads, against a fake lab. */
class DriverTest {

    static final dev.labtutor.lab.Distro CENTOS7 = new dev.labtutor.lab.Distro("centos", "7", "CentOS Linux", "yum",
            Optional.of("1.3.5"), Optional.of(dev.labtutor.lab.Family.CENTOS7));

    @TempDir
    Path dir;

    /** A lab that reports phases, then waits for the test to let it answer (or to be interrupted). */
    static final class FakeLab implements Checker {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile List<String> failing = List.of();

        @Override
        public List<Verdict> check(Lesson lesson, Listener listener) throws InterruptedException {
            listener.phase("lb01", Prober.Phase.CONNECTING);
            listener.line(Text.of("采样中", "sampling"));
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted = true;
                throw e;
            }
            listener.phase("lb01", Prober.Phase.DONE);
            return Fixtures.verdicts(lesson, failing.toArray(String[]::new));
        }

        @Override
        public HostProfiles detectHosts(Set<String> roles) {
            return new HostProfiles(Map.of("lb01", "eth9"), Map.of("lb01", CENTOS7));
        }
    }

    private Driver driver(FakeLab lab, ProgressStore store) {
        Course c = Fixtures.course();
        SessionState s = SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN,
                store.load(c.id(), LabKey.NONE).progress(), Clock.systemUTC().instant());
        return new Driver(new Session(), s, false, lab, store, Clock.systemUTC(), line -> {
        });
    }

    @Test
    void aCheckRunsOffTheCallingThreadAndItsResultIsSaved() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        FakeLab lab = new FakeLab();
        try (Driver d = driver(lab, store)) {
            d.dispatch(new Intent.Check());
            assertTrue(lab.started.await(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (d.state().running().orElseThrow().lines().isEmpty() && System.nanoTime() < deadline) {
                d.pump(Duration.ofMillis(50));
            }
            assertEquals(Prober.Phase.CONNECTING, d.state().running().orElseThrow().hosts().get("lb01"));
            assertEquals("sampling", d.state().running().orElseThrow().lines().get(0).en());
            lab.release.countDown();
            d.awaitIdle();
            assertEquals(LessonState.PASSED, d.state().stateOf("install"));
            while (!d.state().progress().ifaces().containsKey("lb01") && System.nanoTime() < deadline) {
                d.pump(Duration.ofMillis(50));
            }
            assertEquals("eth9", d.state().progress().ifaces().get("lb01"));
        }
        var saved = store.load("keepalived-lvs", LabKey.NONE);
        assertEquals(LessonState.PASSED, saved.progress().lesson("install").orElseThrow().state());
        assertEquals(1, saved.progress().lesson("install").orElseThrow().attempts());
        assertEquals("eth9", saved.progress().ifaces().get("lb01"));
        assertEquals(CENTOS7, saved.progress().distros().get("lb01"), "the distribution found is kept in progress");
    }

    @Test
    void aRecheckOfAFinishedLabJudgesSupersededChecksWithTheirLaterLessonAndMarksNothingBroken() throws Exception {
        // NFS mounted over /var/www/html: lvs-realservers' own pages are gone, nfs-share passes.
        Course shipped = dev.labtutor.course.CourseReader
                .readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("lessons/keepalived-lvs"));
        List<Lesson> two =
                List.of(shipped.lesson("lvs-realservers").orElseThrow(), shipped.lesson("nfs-share").orElseThrow());
        Course c = new Course(shipped.id(), shipped.title(), shipped.dir(), shipped.roles(), shipped.vars(),
                shipped.defaultHosts(), shipped.notes(), two, shipped.gating());
        java.util.concurrent.atomic.AtomicBoolean nfsMounted = new java.util.concurrent.atomic.AtomicBoolean();
        Checker lab = new Checker() {
            @Override
            public List<Verdict> check(Lesson lesson, Listener listener) {
                boolean pagesGone = nfsMounted.get() && lesson.id().equals("lvs-realservers");
                return Fixtures.verdicts(lesson, pagesGone ? new String[]{"web01-page", "web02-page"} : new String[0]);
            }

            @Override
            public HostProfiles detectHosts(Set<String> roles) {
                return HostProfiles.NONE;
            }
        };
        ProgressStore store = new ProgressStore(dir);
        SessionState s = SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN,
                store.load(c.id(), LabKey.NONE).progress(), Clock.systemUTC().instant());
        try (Driver d = new Driver(new Session(), s, false, false, lab, store, Clock.systemUTC(), line -> {
        })) {
            // Both lessons passed in their time (the pages were there during lvs-realservers).
            d.dispatch(new Intent.Check());
            d.awaitIdle();
            d.dispatch(new Intent.Next());
            d.dispatch(new Intent.Check());
            d.awaitIdle();
            assertEquals(LessonState.PASSED, d.state().stateOf("nfs-share"));
            nfsMounted.set(true);
            d.dispatch(new Intent.RecheckPassed());
            d.awaitIdle();
            assertFalse(d.state().brokenNow("lvs-realservers"), "r marks a finished lab's lessons broken");
            var web01 = d.state().marks("lvs-realservers").stream().filter(m -> m.check().equals("web01-page"))
                    .findFirst().orElseThrow();
            assertTrue(web01.passed());
            assertEquals("superseded by lesson 2 (nfs-share), whose checks all pass",
                    web01.hosts().get(0).message().en());
            assertTrue(d.state().flash().orElseThrow().text().en().contains("all still pass"),
                    d.state().flash().toString());
        }
    }

    @Test
    void cancelInterruptsTheCheckingThread() throws Exception {
        FakeLab lab = new FakeLab();
        try (Driver d = driver(lab, new ProgressStore(dir))) {
            d.dispatch(new Intent.Check());
            assertTrue(lab.started.await(5, TimeUnit.SECONDS));
            d.dispatch(new Intent.Cancel());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!lab.interrupted && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(lab.interrupted, "the check's thread was interrupted");
            assertFalse(d.state().busy());
            d.pump(Duration.ofMillis(200));
            assertEquals(LessonState.OPEN, d.state().stateOf("install"));
        }
    }

    /**
     * Says which way each lesson was asked for: c checks once, w watches (an observed lesson is observed only then).
     */
    static final class Ways implements Checker {
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> failing;

        Ways(String... failing) {
            this.failing = List.of(failing);
        }

        @Override
        public List<Verdict> check(Lesson lesson, Listener listener) {
            asked.add("check " + lesson.id());
            return Fixtures.verdicts(lesson, failing.toArray(String[]::new));
        }

        @Override
        public List<Verdict> watch(Lesson lesson, Listener listener) {
            asked.add("watch " + lesson.id());
            return Fixtures.verdicts(lesson);
        }

        @Override
        public HostProfiles detectHosts(Set<String> roles) {
            return HostProfiles.NONE;
        }
    }

    @Test
    void cChecksOnceAndOnlyWWatchesWhichIsWhereAnObservedLessonIsObserved() throws Exception {
        Ways lab = new Ways("firewalld-stopped");
        Course c = Fixtures.course();
        SessionState s = SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN,
                new ProgressStore(dir).load(c.id(), LabKey.NONE).progress(), Clock.systemUTC().instant());
        try (Driver d = new Driver(new Session(), s, false, lab, new ProgressStore(dir), Clock.systemUTC(), line -> {
        })) {
            d.dispatch(new Intent.Check());
            d.awaitIdle();
            assertEquals(List.of("check install"), lab.asked);
            d.dispatch(new Intent.Watch());
            d.awaitIdle();
            assertEquals(List.of("check install", "watch install"), lab.asked);
            assertEquals(LessonState.PASSED, d.state().stateOf("install"));
        }
    }
}
