package dev.labtutor.app;

import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.session.SessionState;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.view.HostDistro;
import dev.labtutor.view.ReportText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the learner's commands ({@code learn}, {@code check}, {@code progress}, {@code reset}) start from: the course,
 * the lab file (when there is one) and the progress kept for them.
 */
public final class LearnerContext {

    public final Course course;
    public final Optional<LabFile> lab;
    public final LabKey key;
    public final ProgressStore store;
    public final ProgressStore.Loaded loaded;

    private LearnerContext(Course course, Optional<LabFile> lab, ProgressStore store) {
        this.course = course;
        this.lab = lab;
        this.key = keyOf(lab);
        this.store = store;
        this.loaded = store.load(course.id(), key);
    }

    public static LearnerContext of(Course course, Optional<LabFile> lab, ProgressStore store) {
        return new LearnerContext(course, lab, store);
    }

    /** The known_hosts file to use: the one given, else the lab file's, else labtutor's own. */
    public static Path knownHosts(Optional<Path> given, Optional<LabFile> lab) {
        return given.orElseGet(() -> lab.flatMap(LabFile::knownHosts).orElse(SshOptions.defaultKnownHosts()));
    }

    public static LabKey keyOf(Optional<LabFile> lab) {
        if (lab.isEmpty()) {
            return LabKey.NONE;
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        lab.get().hosts().forEach((role, h) -> hosts.put(role, h.user() + "@" + h.address() + ":" + h.port()));
        return new LabKey(lab.get().source().toAbsolutePath().normalize().toString(), hosts);
    }

    public SessionState state(Lang lang, Instant now) {
        return SessionState.start(course, lab, lang, loaded.progress(), now);
    }

    /** The report header: lesson number and title, the lab file, and each host the lesson checks. */
    public ReportText.Header header(Lesson lesson, Lang lang) {
        return header(lesson, lang, loaded.progress().distros());
    }

    /** As {@link #header(Lesson, Lang)}, each host with its distribution as {@code distros} (by role) tells. */
    public ReportText.Header header(Lesson lesson, Lang lang, Map<String, Distro> distros) {
        List<String> roles = lesson.checks().stream().flatMap(r -> r.on().stream()).distinct().toList();
        List<String> hosts = roles
                .stream().map(role -> HostDistro
                        .label(lab.flatMap(l -> l.host(role)).map(HostSpec::listed).orElse(role), distros, role))
                .toList();
        Map<String, Distro> checked = new LinkedHashMap<>();
        roles.stream().filter(distros::containsKey).forEach(r -> checked.put(r, distros.get(r)));
        return new ReportText.Header(course.indexOf(lesson.id()) + 1, lesson.id(), lesson.title().in(lang),
                lab.map(l -> l.source().toAbsolutePath().normalize().toString()), hosts, checked);
    }

    /**
     * What the learner should know about the lab before its results, one line each: which sandbox it is when it is a
     * sandbox's (a lab they may not have chosen), and each course address (the VIP) outside the hosts' subnet.
     */
    public static List<String> notes(Course course, Optional<LabFile> lab, Lang lang, boolean origin) {
        List<String> out = new java.util.ArrayList<>();
        lab.ifPresent(l -> {
            SandboxLab.describe(l.source()).filter(o -> origin).ifPresent(o -> out.add(Text.of("实验：", "lab: ").in(lang)
                    + o.in(lang) + (lang == Lang.ZH ? "，" : ", ") + l.source().toAbsolutePath().normalize()));
            LabSubnet.warnings(course, l).forEach(w -> out.add(w.in(lang)));
        });
        return out;
    }

    /**
     * {@code 实验：FILE（lb01 root@... · CentOS Linux 7, ...）}: the lab file (the sandbox it belongs to) and all its
     * hosts, each with the distribution last detected on it.
     */
    public String labLine(Lang lang) {
        Map<String, Distro> distros = loaded.progress().distros();
        List<String> hosts = lab.map(
                l -> l.hosts().values().stream().map(h -> HostDistro.label(h.listed(), distros, h.role())).toList())
                .orElse(List.of());
        Optional<String> file = lab.map(
                l -> SandboxLab.describe(l.source()).map(o -> o.in(lang) + (lang == Lang.ZH ? "，" : ", ")).orElse("")
                        + l.source().toAbsolutePath().normalize());
        return lang == Lang.ZH
                ? "实验：" + file.orElse("（没有实验环境文件）") + (hosts.isEmpty() ? "" : "（" + String.join("，", hosts) + "）")
                : "Lab: " + file.orElse("(no lab file)")
                        + (hosts.isEmpty() ? "" : " (" + String.join(", ", hosts) + ")");
    }

    public Optional<Path> progressFile() {
        return Optional.of(store.file(course.id(), key));
    }
}
