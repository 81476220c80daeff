package dev.labtutor.course;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's {@code solve} section rendered with the learner's values into shell scripts, one per action, in the order
 * written: what a learner would type on each host. A file action becomes a quoted here-document (no expansion), so the
 * file gets exactly the content the lesson shows. Each action is the one its host's family is told ({@code family:}
 * variants, by {@link Bindings#family}).
 */
public final class Solution {

    /** One script to run on one host. */
    public record Step(String role, String script) {
    }

    private static final String EOF_MARK = "LABTUTOR_EOF";

    private Solution() {
    }

    public static List<Step> render(Lesson lesson, Bindings bindings) {
        List<Step> out = new ArrayList<>();
        for (Action each : lesson.solve()) {
            Action a = bindings.forHost(each);
            if (a instanceof Action.WriteFile w) {
                out.add(new Step(w.on(), writeFile(bindings.render(w.path()), bindings.render(w.content()))));
            } else if (a instanceof Action.Run r && !r.interactive()) {
                out.add(new Step(r.on(), bindings.render(r.script())));
            }
        }
        return out;
    }

    static String writeFile(String path, String content) {
        if (!VarType.PATH.accepts(path)) {
            throw new IllegalArgumentException("not a safe absolute path: " + path);
        }
        for (String line : content.split("\n", -1)) {
            if (line.equals(EOF_MARK)) {
                throw new IllegalArgumentException("file content contains the line " + EOF_MARK);
            }
        }
        String body = content.endsWith("\n") ? content : content + "\n";
        String dir = path.substring(0, path.lastIndexOf('/'));
        return (dir.isEmpty() ? "" : "mkdir -p '" + dir + "'\n") + "cat > '" + path + "' <<'" + EOF_MARK + "'\n" + body
                + EOF_MARK + "\n";
    }
}
