package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.input.KeyStroke;
import dev.labtutor.i18n.Lang;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.Intent;
import dev.labtutor.session.SessionState;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void anotherLessonPutsTheFocusBackOnTheLessonPane() {
        SessionState s = TutorScreenTest.state(Fixtures.course(), Lang.EN);
        Layout l = Layout.of(80, 24);
        for (Ui.Focus from : Ui.Focus.values()) {
            Keys.Outcome next =
                    Keys.handle(Ui.start().withFocus(from), s, new KeyStroke('n', false, false), l, 100, 30);
            assertEquals(Ui.Focus.LESSON, next.ui().focus(), "n from " + from);
            assertEquals(new Intent.Next(), next.intent().orElseThrow());
            Keys.Outcome prev =
                    Keys.handle(Ui.start().withFocus(from), s, new KeyStroke('p', false, false), l, 100, 30);
            assertEquals(Ui.Focus.LESSON, prev.ui().focus(), "p from " + from);
        }
    }
}
