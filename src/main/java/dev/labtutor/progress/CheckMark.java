package dev.labtutor.progress;

import dev.labtutor.i18n.Text;
import java.util.List;

/**
 * The last verdict of one check of a lesson, as remembered between runs: enough to draw the results pane again after a
 * restart (title, overall status, each host's judgement, advisory notes).
 */
public record CheckMark(String check, Text title, String status, List<HostMark> hosts, List<Text> notes) {

    public CheckMark {
        hosts = List.copyOf(hosts);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return "pass".equals(status);
    }
}
