package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Quiz;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The course's own quiz (vrrp-basics) judged as a verdict. */
class QuizVerdictTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));
    private final Lesson basics = course.lesson("vrrp-basics").orElseThrow();

    @Test
    void unansweredIsTheBeforeSolutionFail() {
        Verdict v = QuizVerdict.of(basics, Map.of()).orElseThrow();
        assertEquals(Status.FAIL, v.status());
        assertEquals("unanswered", v.cause());
        assertEquals("quiz", v.check());
        assertEquals(List.of(), v.hosts());
        assertTrue(v.message().en().contains("0 of " + basics.quiz().size() + " answered right"), v.message().en());
    }

    @Test
    void theKeyPasses() {
        Verdict v = QuizVerdict.of(basics, Quiz.key(basics.quiz())).orElseThrow();
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertTrue(v.hint().isEmpty());
    }

    @Test
    void aWrongAnswerGetsThatChoicesExplanation() {
        Map<String, String> answers = new HashMap<>(Quiz.key(basics.quiz()));
        var q = basics.quiz().get(1);
        var wrong = q.choices().stream().filter(c -> !c.correct()).findFirst().orElseThrow();
        answers.put(q.id(), wrong.key());
        Verdict v = QuizVerdict.of(basics, answers).orElseThrow();
        assertEquals(Status.FAIL, v.status());
        assertEquals("wrong-answer", v.cause());
        assertTrue(v.hint().orElseThrow().en().startsWith("question 2 ("), v.hint().get().en());
        assertTrue(v.hint().get().en().endsWith(wrong.why().orElseThrow().en()), v.hint().get().en());
    }

    @Test
    void lessonsWithoutAQuizHaveNoQuizVerdict() {
        assertEquals(Optional.empty(), QuizVerdict.of(course.lesson("master").orElseThrow(), Map.of()));
    }
}
