package dev.labtutor.cli;

import dev.labtutor.app.SandboxLab;
import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.i18n.Lang;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.ReportText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the learner's commands ({@code learn}, {@code check}, {@code progress}, {@code reset})
 * start from: the course, the lab file (when there is one) and the progress kept for them.
 */
final class Learner {

    final Course course;
    final Optional<LabFile> lab;
    final LabKey key;
    final ProgressStore store;
    final ProgressStore.Loaded loaded;

    private Learner(Course course, Optional<LabFile> lab, ProgressStore store) {
        this.course = course;
        this.lab = lab;
        this.key = keyOf(lab);
        this.store = store;
        this.loaded = store.load(course.id(), key);
    }

    /** Reads the course and, when there is one, the lab file; {@code needLab} makes a missing lab file a {@link UserError}. */
    static Learner load(CourseOptions courseOptions, LabOptions labOptions, boolean needLab) {
        Course course = courseOptions.loadCourse(Installation.locate());
        Optional<LabFile> lab = needLab ? Optional.of(labOptions.load()) : labOptions.loadIfAny();
        return new Learner(course, lab, ProgressStore.standard());
    }

    static Learner of(Course course, Optional<LabFile> lab, ProgressStore store) {
        return new Learner(course, lab, store);
    }

    static LabKey keyOf(Optional<LabFile> lab) {
        if (lab.isEmpty()) {
            return LabKey.NONE;
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        lab.get().hosts().forEach((role, h) -> hosts.put(role, h.user() + "@" + h.address() + ":" + h.port()));
        return new LabKey(lab.get().source().toAbsolutePath().normalize().toString(), hosts);
    }

    SessionState state(Lang lang, Instant now) {
        return SessionState.start(course, lab, lang, loaded.progress(), now);
    }

    /** The report header: lesson number and title, the lab file, and each host the lesson checks. */
    ReportText.Header header(Lesson lesson, Lang lang) {
        List<String> hosts = lesson.checks().stream().flatMap(r -> r.on().stream()).distinct()
                .map(role -> lab.flatMap(l -> l.host(role)).map(Learner::display).orElse(role)).toList();
        return new ReportText.Header(course.indexOf(lesson.id()) + 1, lesson.id(), lesson.title().in(lang),
                lab.map(l -> l.source().toAbsolutePath().normalize().toString()), hosts);
    }

    /**
     * What the learner should know about the lab before its results, one line each: which
     * sandbox it is when it is a sandbox's (a lab they may not have chosen), and each course
     * address (the VIP) outside the hosts' subnet.
     */
    static List<String> notes(Course course, Optional<LabFile> lab, Lang lang, boolean origin) {
        List<String> out = new java.util.ArrayList<>();
        lab.ifPresent(l -> {
            SandboxLab.describe(l.source()).filter(o -> origin).ifPresent(o -> out.add(Text.of("实验：", "lab: ").in(lang) + o.in(lang)
                    + (lang == Lang.ZH ? "，" : ", ") + l.source().toAbsolutePath().normalize()));
            LabSubnet.warnings(course, l).forEach(w -> out.add(w.in(lang)));
        });
        return out;
    }

    /** {@code 实验：FILE（lb01 root@..., ...）}: the lab file (the sandbox it belongs to) and all its hosts. */
    String labLine(Lang lang) {
        List<String> hosts = lab.map(l -> l.hosts().values().stream().map(Learner::display).toList()).orElse(List.of());
        Optional<String> file = lab.map(l -> SandboxLab.describe(l.source()).map(o -> o.in(lang) + (lang == Lang.ZH ? "，" : ", ")).orElse("")
                + l.source().toAbsolutePath().normalize());
        return lang == Lang.ZH
                ? "实验：" + file.orElse("（没有实验环境文件）") + (hosts.isEmpty() ? "" : "（" + String.join("，", hosts) + "）")
                : "Lab: " + file.orElse("(no lab file)") + (hosts.isEmpty() ? "" : " (" + String.join(", ", hosts) + ")");
    }

    private static String display(HostSpec h) {
        return h.role() + " " + h.user() + "@" + h.address() + (h.port() == 22 ? "" : ":" + h.port());
    }

    Optional<Path> progressFile() {
        return Optional.of(store.file(course.id(), key));
    }
}
