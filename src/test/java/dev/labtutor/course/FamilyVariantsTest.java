package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Family;
import dev.labtutor.yaml.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code family:} variants in course data: their syntax, the located problems, and the lookup per family. */
class FamilyVariantsTest {

    @TempDir
    Path dir;

    /** The course of one lesson {@code l} on roles a and b, whose lesson file is {@code lesson}. */
    private Optional<Course> read(String lesson, Problems problems) throws Exception {
        Files.writeString(dir.resolve("course.yaml"), "id: t\ntitle: { zh: 课, en: course }\n"
                + "roles: { a: { zh: 甲, en: a }, b: { zh: 乙, en: b } }\nlessons: [l]\n");
        Files.writeString(dir.resolve("l.yaml"), lesson);
        return CourseReader.read(dir, problems);
    }

    private static final String GOOD = """
            id: l
            title: { zh: 课, en: lesson }
            roles: [a, b]
            steps:
              - id: s
                title: { zh: 装, en: install }
                text: { zh: 用 dnf, en: with dnf }
                family:
                  debian:
                    title: { zh: 装 apache2, en: install apache2 }
                    text: { zh: 用 apt, en: with apt }
                  centos7:
                    text: { zh: 用 yum, en: with yum }
                do:
                  - on: a
                    run: dnf install -y httpd
                    family:
                      rhel,centos7: { run: yum install -y httpd }
                      debian: { run: apt-get install -y apache2 }
                checks:
                  - use: package-installed
                    on: [a, b]
                    with: { name: httpd }
                    family:
                      debian: { with: { name: apache2 } }
                  - use: firewalld-stopped
                    on: [a]
                    family:
                      debian: { use: ufw-inactive }
                      centos7: skip
            solve:
              - on: b
                run: dnf install -y httpd
                family:
                  debian: { run: apt-get install -y apache2 }
            """;

    @Test
    void variantsAreReadAndLookedUpByFamilyWithCentos7FallingBackToRhel() throws Exception {
        Problems p = new Problems();
        Course c = read(GOOD, p).orElseThrow();
        assertTrue(p.isEmpty(), p.sorted().toString());
        Step s = c.lessons().get(0).steps().get(0);
        assertEquals(Text.of("用 dnf", "with dnf"), s.text(Family.OPENEULER));
        assertEquals(Text.of("用 dnf", "with dnf"), s.text(Family.RHEL), "no rhel variant: the default");
        assertEquals(Text.of("用 yum", "with yum"), s.text(Family.CENTOS7));
        assertEquals(Text.of("装", "install"), s.title(Family.CENTOS7), "a variant without a title keeps the default's");
        assertEquals(Text.of("装 apache2", "install apache2"), s.title(Family.DEBIAN));

        Action a = s.actions().get(0);
        assertEquals("dnf install -y httpd", ((Action.Run) a.forFamily(Family.OPENEULER)).script());
        assertEquals("yum install -y httpd", ((Action.Run) a.forFamily(Family.RHEL)).script());
        assertEquals("yum install -y httpd", ((Action.Run) a.forFamily(Family.CENTOS7)).script());
        assertEquals("apt-get install -y apache2", ((Action.Run) a.forFamily(Family.DEBIAN)).script());
        assertEquals("apt-get install -y apache2",
                ((Action.Run) c.lessons().get(0).solve().get(0).forFamily(Family.DEBIAN)).script());

        CheckRef pkg = s.checks().get(0);
        assertEquals("httpd", pkg.forFamily(Family.CENTOS7).orElseThrow().with().get("name").text());
        CheckRef deb = pkg.forFamily(Family.DEBIAN).orElseThrow();
        assertEquals("package-installed", deb.use(), "a variant without 'use' keeps the default's check");
        assertEquals("apache2", deb.with().get("name").text());
        assertEquals(List.of("a", "b"), deb.on());
        assertEquals("package-installed", deb.id());

        CheckRef fw = s.checks().get(1);
        assertEquals(Optional.empty(), fw.forFamily(Family.CENTOS7), "skip");
        assertEquals("ufw-inactive", fw.forFamily(Family.DEBIAN).orElseThrow().use());
        assertEquals("firewalld-stopped", fw.forFamily(Family.DEBIAN).orElseThrow().id(), "the id stays the default's");
        assertEquals("firewalld-stopped", fw.forFamily(Family.RHEL).orElseThrow().use());
    }

    @Test
    void aVariantWithItsOwnCheckStartsFromAnEmptyWith() throws Exception {
        Problems p = new Problems();
        Course c = read(GOOD.replace("use: firewalld-stopped\n        on: [a]",
                "use: service-disabled\n        on: [a]\n        with: { name: firewalld }"), p).orElseThrow();
        assertTrue(p.isEmpty(), p.sorted().toString());
        CheckRef fw = c.lessons().get(0).steps().get(0).checks().get(1);
        assertEquals("firewalld", fw.with().get("name").text());
        assertTrue(fw.forFamily(Family.DEBIAN).orElseThrow().with().isEmpty(), "ufw-inactive takes no 'with'");
    }

    private String problems(String lesson) throws Exception {
        Problems p = new Problems();
        read(lesson, p);
        return p.sorted().toString();
    }

    @Test
    void anUnknownFamilyIsALocatedProblemNamingTheKnownOnes() throws Exception {
        String out = problems(GOOD.replace("      rhel,centos7: { run:", "      rhel,suse: { run:"));
        assertTrue(out.contains("l.yaml:18:11: unknown family 'suse' in 'family' of action"
                + " (known: openeuler, rhel, centos7, debian)"), out);
        out = problems(GOOD.replace("debian: { use: ufw-inactive }", "Debian: { use: ufw-inactive }"));
        assertTrue(out.contains("l.yaml:29:11: unknown family 'Debian' in 'family' of check 'firewalld-stopped'"), out);
        out = problems(GOOD.replace("      debian:\n        title:", "      ubuntu:\n        title:"));
        assertTrue(out.contains("l.yaml:9:7: unknown family 'ubuntu' in 'family' of step"), out);
    }

    @Test
    void aFamilyWithTwoVariantsAndMalformedVariantsAreLocatedProblems() throws Exception {
        String out = problems(GOOD.replace("      debian: { run: apt-get install -y apache2 }\n    checks:",
                "      debian,rhel: { run: apt-get install -y apache2 }\n    checks:"));
        assertTrue(out.contains("l.yaml:19:11: family 'rhel' has two variants in 'family' of action"), out);
        out = problems(GOOD.replace("centos7: skip", "centos7: ignore"));
        assertTrue(out.contains("l.yaml:30:20: a check's family variant is 'skip' or {use, with}, not 'ignore'"), out);
        out = problems(GOOD.replace("debian: { with: { name: apache2 } }", "debian: { on: [a] }"));
        assertTrue(out.contains("l.yaml:25:21: unknown key 'on' in a check's family variant"), out);
        out = problems(GOOD.replace("debian: { run: apt-get install -y apache2 }\n    checks:",
                "debian: { script: apt-get install -y apache2 }\n    checks:"));
        assertTrue(out.contains("l.yaml:19:19: an action's family variant is missing 'run'"), out);
        out = problems(GOOD.replace("    family:\n      debian:\n        title:",
                "    family: apt\n    x:\n      debian:\n        title:"));
        assertTrue(out.contains("l.yaml:8:13: 'family' of step must map family ids (openeuler, rhel, centos7, debian,"
                + " or a comma-separated list of them) to that family's variant"), out);
    }
}
