package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Note;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonTextTest {

    private final Course course = CourseReader
            .readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("lessons/keepalived-lvs"));

    @Test
    void learnersValuesReplaceTheSeedsEverywhere() {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        hosts.put("lb01", new HostSpec("lb01", "172.20.1.11", 22, "root", Optional.empty(), Optional.empty(), false));
        hosts.put("lb02", new HostSpec("lb02", "172.20.1.12", 22, "root", Optional.empty(), Optional.empty(), false));
        LabFile lab = new LabFile(Path.of("lab.yaml"), Map.of("vip", "172.20.1.50", "vrid", "77"), hosts, Map.of(),
                Map.of(), Optional.empty());
        Bindings b = Bindings.of(course, Optional.of(lab)).withIfaces(Map.of("lb01", "enp1s0", "lb02", "enp7s0"));
        String master = LessonText.render(course.lesson("master").orElseThrow(), b, Lang.EN, r -> r.id());
        assertTrue(master.contains("    interface enp1s0\n"), master);
        assertTrue(master.contains("    virtual_router_id 77\n"), master);
        assertTrue(master.contains("        172.20.1.50\n"), master);
        assertTrue(master.contains("[lb01]# systemctl restart keepalived"), master);
        assertFalse(master.contains("${"), "every placeholder is filled: " + master);
        assertFalse(master.contains("192.168.10."), master);
        String backup = LessonText.render(course.lesson("backup").orElseThrow(), b, Lang.ZH, r -> r.id());
        assertTrue(backup.contains("    interface enp7s0\n"), backup);
        assertTrue(backup.contains("在 lb02 上写入 /etc/keepalived/keepalived.conf"), backup);
    }

    @Test
    void withoutALabTheSeedsDefaultsAreShown() {
        String install = LessonText.render(course.lesson("install").orElseThrow(),
                Bindings.of(course, Optional.empty()), Lang.ZH, r -> r.id());
        assertTrue(install.contains("lb01（192.168.10.101）"), install);
        assertTrue(install.contains("[lb02]# dnf install -y keepalived ipvsadm"), install);
    }

    @Test
    void everyNoteOnTheOriginalDocumentIsShownOnceWhereItsSlipOccurs() {
        Bindings b = Bindings.of(course, Optional.empty());
        assertFalse(course.notes().isEmpty(), "the course has notes on the original document");
        for (Lang lang : Lang.values()) {
            String all = course.lessons().stream().map(l -> LessonText.render(l, b, lang, r -> r.id())).reduce("",
                    String::concat);
            for (Note n : course.notes()) {
                String text = b.render(n.text().in(lang));
                String lesson = LessonText.render(course.lesson(n.lesson()).orElseThrow(), b, lang, r -> r.id());
                String shown = (lang == Lang.ZH ? "原文勘误：" : "Note on the original document: ") + text;
                assertTrue(lesson.contains(shown),
                        n.lesson() + " shows its note, marked as one: " + shown + "\n" + lesson);
                assertEquals(all.indexOf(text), all.lastIndexOf(text), "shown once in the whole course: " + text);
            }
        }
    }

    @Test
    void aStepsNoteFollowsItsFileAndPrecedesItsChecksAndAnIntroNoteFollowsTheIntro() {
        Bindings b = Bindings.of(course, Optional.empty());
        String master = LessonText.render(course.lesson("master").orElseThrow(), b, Lang.EN, r -> r.id());
        int file = master.indexOf("   | }\n");
        int strict = master.indexOf("   Note on the original document: The original document keeps vrrp_strict");
        int checks = master.indexOf("   Checked:");
        int step2 = master.indexOf("2. Start keepalived");
        assertTrue(file > 0 && file < strict && strict < checks && checks < step2, master);
        int intro = master.indexOf("Keepalived's main configuration file");
        int keywords =
                master.indexOf("\nNote on the original document: The original document's text calls these blocks");
        int step1 = master.indexOf("1. Write the master's keepalived.conf");
        assertTrue(intro > 0 && intro < keywords && keywords < step1,
                "a note without a step follows the introduction:\n" + master);
    }

    @Test
    void theFirstLessonSaysWhatTheOriginalDocumentIs() {
        Bindings b = Bindings.of(course, Optional.empty());
        Lesson first = course.lessons().get(0);
        assertTrue(LessonText.render(first, b, Lang.ZH, r -> r.id()).contains("课程里说的“原文”就是这份文档"));
        assertTrue(LessonText.render(first, b, Lang.EN, r -> r.id())
                .contains("\"the original document\" in this course always means that document"));
    }
}
