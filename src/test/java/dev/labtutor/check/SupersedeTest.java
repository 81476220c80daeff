package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lessons judged together: a check a later lesson legitimately changes is judged with that lesson. */
class SupersedeTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));

    private static Verdict v(String check, Status status) {
        return new Verdict(check, Text.of(check, check), List.of("web01"), status,
                status == Status.PASS ? "" : "no-match", Text.of("看到的", "what was seen"), Optional.empty(),
                List.of(new Evidence("web01", "index.html: NFS page")));
    }

    private List<Verdict> all(String lessonId, Status status) {
        Lesson l = course.lesson(lessonId).orElseThrow();
        return l.checks().stream().map(c -> v(c.id(), status)).toList();
    }

    @Test
    void theCourseSaysWhichChecksLaterLessonsChange() {
        Map<String, String> superseded = new LinkedHashMap<>();
        for (Lesson l : course.lessons()) {
            l.checks().forEach(c -> c.supersededBy().ifPresent(by -> superseded.put(l.id() + "/" + c.id(), by)));
        }
        assertEquals(Map.of("web-failover/vip-serves-lb01", "lvs-director-master", "lvs-realservers/web01-page",
                "nfs-share", "lvs-realservers/web02-page", "nfs-share", "lvs-test/balanced", "nfs-share"), superseded);
    }

    @Test
    void aFailingSupersededCheckPassesWhenItsLaterLessonPassesAndSaysSo() {
        Map<String, List<Verdict>> round = new LinkedHashMap<>();
        List<Verdict> rs = new java.util.ArrayList<>(all("lvs-realservers", Status.PASS));
        rs.replaceAll(x -> x.check().equals("web01-page") ? v("web01-page", Status.FAIL) : x);
        round.put("lvs-realservers", rs);
        round.put("nfs-share", all("nfs-share", Status.PASS));
        Verdict web01 = Supersede.resolve(course, round).get("lvs-realservers").stream()
                .filter(x -> x.check().equals("web01-page")).findFirst().orElseThrow();
        assertEquals(Status.PASS, web01.status());
        assertEquals(Supersede.CAUSE, web01.cause());
        assertEquals("superseded by lesson 13 (nfs-share), whose checks all pass", web01.message().en());
        assertTrue(web01.notes().stream().anyMatch(n -> n.en().equals("on its own this check says: what was seen")),
                web01.notes().toString());
        assertTrue(web01.perHost().stream().allMatch(HostVerdict::passed));
    }

    @Test
    void withoutItsLaterLessonOrWithThatLessonFailingTheCheckKeepsItsOwnVerdict() {
        Map<String, List<Verdict>> alone = Map.of("lvs-realservers", List.of(v("web01-page", Status.FAIL)));
        Verdict v1 = Supersede.resolve(course, alone).get("lvs-realservers").get(0);
        assertEquals(Status.FAIL, v1.status(), "a learner who stopped before nfs-share is judged as then");
        assertTrue(v1.notes().get(0).en().contains("changed by lesson 13 (nfs-share)"), v1.notes().toString());

        Map<String, List<Verdict>> broken = new LinkedHashMap<>();
        broken.put("lvs-realservers", List.of(v("web01-page", Status.FAIL)));
        List<Verdict> nfs = new java.util.ArrayList<>(all("nfs-share", Status.PASS));
        nfs.set(0, v(nfs.get(0).check(), Status.FAIL));
        broken.put("nfs-share", nfs);
        Verdict v2 = Supersede.resolve(course, broken).get("lvs-realservers").get(0);
        assertEquals(Status.FAIL, v2.status());
        assertTrue(v2.notes().get(0).en().contains("its checks do not all pass yet"), v2.notes().toString());
    }

    @Test
    void aPassingCheckAndACheckNobodySupersedesAreLeftAlone() {
        Verdict pass = v("web01-page", Status.PASS);
        Verdict other = v("web-httpd-running", Status.FAIL);
        Map<String, List<Verdict>> round = new LinkedHashMap<>();
        round.put("lvs-realservers", List.of(pass, other));
        round.put("nfs-share", all("nfs-share", Status.PASS));
        assertEquals(List.of(pass, other), Supersede.resolve(course, round).get("lvs-realservers"));
    }

    @Test
    void supersededByMustNameALaterLessonOfTheCourse() throws Exception {
        Path dir = Files.createTempDirectory("labtutor-supersede");
        try {
            Files.writeString(dir.resolve("course.yaml"), """
                    id: t
                    title: { zh: 测试, en: test }
                    roles: { lb01: { zh: 主, en: master } }
                    lessons: [one, two]
                    """, StandardCharsets.UTF_8);
            String lesson = """
                    id: %s
                    title: { zh: 课, en: lesson }
                    intro: { zh: 介绍, en: intro }
                    roles: [lb01]
                    steps:
                      - id: s
                        title: { zh: 步, en: step }
                        text: { zh: 文, en: text }
                        checks:
                          - { id: c, use: host-ready, on: [lb01], superseded-by: %s }
                    """;
            Files.writeString(dir.resolve("one.yaml"), lesson.formatted("one", "nowhere"), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("two.yaml"), lesson.formatted("two", "one"), StandardCharsets.UTF_8);
            Problems p = new Problems();
            CourseReader.read(dir, p);
            String all = p.sorted().toString();
            assertTrue(all.contains("one.yaml:10")
                    && all.contains("superseded by lesson 'nowhere', which the course does not list"), all);
            assertTrue(all.contains("two.yaml:10") && all.contains("which does not come after its own lesson 'two'"),
                    all);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
