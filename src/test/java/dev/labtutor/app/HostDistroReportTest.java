package dev.labtutor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.lab.LabFile;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.session.Fixtures;
import dev.labtutor.view.LessonReport;
import dev.labtutor.view.ReportJson;
import dev.labtutor.view.ReportText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}'s report and {@code progress}'s lab line name each host's detected distribution (issue 17). */
class HostDistroReportTest {

    static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));

    @TempDir
    Path dir;

    private LearnerContext learner(Map<String, Distro> saved) throws Exception {
        Course c = Fixtures.course();
        LabFile lab = Fixtures.lab();
        ProgressStore store = new ProgressStore(dir);
        LearnerContext first = LearnerContext.of(c, Optional.of(lab), store);
        store.save(first.loaded.progress().withDistros(saved).stamped(Instant.parse("2025-03-01T08:00:00Z")));
        return LearnerContext.of(c, Optional.of(lab), store);
    }

    @Test
    void theReportHeaderNamesEachCheckedHostsDistributionInTextAndJson() throws Exception {
        LearnerContext l = learner(Map.of());
        Lesson install = l.course.lesson("install").orElseThrow();
        ReportText.Header h = l.header(install, Lang.EN, Map.of("lb01", CENTOS7));
        assertTrue(h.hosts().contains("lb01 root@10.9.0.11 · CentOS Linux 7 · keepalived 1.3.5"), h.hosts().toString());
        assertTrue(h.hosts().contains("lb02 root@10.9.0.12"), "not detected: listed as before " + h.hosts());
        String zh = ReportText.header(h, Lang.ZH);
        assertTrue(zh.contains("（检查了 lb01 root@10.9.0.11 · CentOS Linux 7 · keepalived 1.3.5，lb02"), zh);
        String json = ReportJson
                .render(LessonReport.of(l.state(Lang.EN, Instant.now()), install.id(), h, Optional.empty()), Lang.EN);
        assertTrue(json.contains("\"distros\": {\n      \"lb01\": {\n        \"id\": \"centos\""), json);
        assertTrue(json.contains("\"family\": \"centos7\""), json);
    }

    @Test
    void progressNamesTheDistributionsLastDetected() throws Exception {
        LearnerContext l = learner(Map.of("lb02", CENTOS7));
        assertTrue(l.labLine(Lang.EN).contains("lb02 root@10.9.0.12 · CentOS Linux 7 · keepalived 1.3.5, "),
                l.labLine(Lang.EN));
        assertEquals(Map.of("lb02", CENTOS7), l.header(l.course.lesson("install").orElseThrow(), Lang.EN).distros());
    }
}
