package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.yaml.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiz as lesson data: reading (with file:line:col problems) and pure grading. */
class QuizTest {

    @TempDir
    Path dir;

    private static final String COURSE = """
            id: c
            title: { zh: 课, en: course }
            roles: { lb01: { zh: 主, en: master } }
            gating: free
            lessons: [basics]
            """;

    private static final String LESSON =
            """
                    id: basics
                    title: { zh: 基础, en: basics }
                    roles: [lb01]
                    steps:
                      - id: read
                        title: { zh: 读, en: read }
                        text: { zh: 读一读, en: read it }
                    quiz:
                      - id: vip
                        question: { zh: VIP 是什么？, en: What is the VIP? }
                        explain: { zh: 漂移地址, en: the floating address }
                        choices:
                          - { zh: 主机的固定地址, en: the host's own address, why: { zh: 固定地址不会漂移, en: a host's own address never moves } }
                          - { zh: 在热备组内漂移的地址, en: the address that moves within the group, correct: true }
                    solve: []
                    """;

    private Course read(String course, String lesson, Problems p) throws IOException {
        Files.writeString(dir.resolve("course.yaml"), course);
        Files.writeString(dir.resolve("basics.yaml"), lesson);
        return CourseReader.read(dir, p).orElseThrow();
    }

    @Test
    void readsQuestionsChoicesAndGating() throws IOException {
        Problems p = new Problems();
        Course c = read(COURSE, LESSON, p);
        assertTrue(p.isEmpty(), p.sorted().toString());
        assertEquals(Course.Gating.FREE, c.gating());
        Question q = c.lesson("basics").orElseThrow().quiz().get(0);
        assertEquals("vip", q.id());
        assertEquals(List.of("a", "b"), q.choices().stream().map(Question.Choice::key).toList());
        assertEquals("b", q.correct().key());
        assertEquals("the floating address", q.explain().en());
    }

    @Test
    void gradesAnswersWithTheExplanationOfTheWrongChoice() throws IOException {
        Course c = read(COURSE, LESSON, new Problems());
        List<Question> quiz = c.lesson("basics").orElseThrow().quiz();
        Quiz.Result none = Quiz.grade(quiz, Map.of());
        assertFalse(none.passed());
        assertEquals(0, none.answered());
        Quiz.Result wrong = Quiz.grade(quiz, Map.of("vip", "a"));
        assertFalse(wrong.passed());
        assertEquals("a host's own address never moves", wrong.marks().get(0).why().orElseThrow().en());
        Quiz.Result unknown = Quiz.grade(quiz, Map.of("vip", "z"));
        assertTrue(unknown.marks().get(0).why().orElseThrow().en().contains("no choice z"));
        assertTrue(Quiz.grade(quiz, Map.of("vip", "B")).passed());
        assertTrue(Quiz.grade(quiz, Quiz.key(quiz)).passed());
    }

    @Test
    void aQuestionWithoutExactlyOneRightChoiceOrAWrongChoiceWithoutWhyIsAProblemAtItsLine() throws IOException {
        String bad = LESSON.replace("correct: true", "correct: false")
                .replace(", why: { zh: 固定地址不会漂移, en: a host's own address never moves }", "");
        Problems p = new Problems();
        read(COURSE.replace("gating: free", "gating: loose"), bad, p);
        Set<String> msgs = Set.copyOf(p.sorted().stream().map(Object::toString).toList());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("course.yaml:4:9") && m.contains("gating must be")),
                msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("basics.yaml:13:") && m.contains("exactly one choice")),
                msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("basics.yaml:14:") && m.contains("needs 'why'")),
                msgs.toString());
    }

    @Test
    void aFilledQuestionCarriesTheLearnersValuesInEveryText() throws IOException {
        String course = COURSE + "vars:\n  vip: { default: 10.0.0.100, type: ipv4, zh: 地址, en: address }\n";
        String lesson = LESSON.replace("What is the VIP?", "\"What is ${vip}?\"").replace("VIP 是什么？", "\"${vip} 是什么？\"")
                .replace("a host's own address never moves", "\"${vip} never moves\"")
                .replace("the floating address", "\"${vip} floats\"");
        Course c = read(course, lesson, new Problems());
        Question raw = c.lesson("basics").orElseThrow().quiz().get(0);
        assertTrue(raw.prompt().en().contains("${vip}"), "the course keeps the placeholder");
        Question q = raw.filled(Bindings.of(c, java.util.Optional.empty())::render);
        assertEquals("What is 10.0.0.100?", q.prompt().en());
        assertEquals("10.0.0.100 是什么？", q.prompt().zh());
        assertEquals("10.0.0.100 never moves", q.choices().get(0).why().orElseThrow().en());
        assertEquals("10.0.0.100 floats", q.explain().en());
        assertEquals(raw.correct().key(), q.correct().key(), "filling changes text, not the answer");
        Lesson filled = c.lesson("basics").orElseThrow().withQuizFilled(s -> s.replace("${vip}", "V"));
        assertEquals("What is V?", filled.quiz().get(0).prompt().en());
    }
}
