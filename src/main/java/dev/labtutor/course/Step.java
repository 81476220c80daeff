package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.util.List;

/** One step of a lesson: what to read, what to type, and what is checked afterwards. */
public record Step(String id, Text title, Text text, List<Action> actions, List<CheckRef> checks) {

    public Step {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
    }
}
