package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A step's text as its hosts are told it. When every host the step is about takes the same text (one family, or
 * families whose variants agree), that text alone; when they differ, each text headed by the hosts it is for ("在
 * lb01、lb02 上（CentOS 7）：" / "On lb01, lb02 (CentOS 7):").
 */
public final class StepText {

    /** One text and, when the step's hosts differ, the heading that names the hosts it is for. */
    public record Part(Optional<Text> heading, Text text) {
    }

    private StepText() {
    }

    /** The title of {@code step}: its hosts' family's when they agree, else the default. */
    public static Text title(Step step, List<String> lessonRoles, Bindings b) {
        Set<Text> titles = new LinkedHashSet<>();
        step.hosts(lessonRoles).forEach(h -> titles.add(step.title(b.family(h))));
        return titles.size() == 1 ? titles.iterator().next() : step.title();
    }

    /** The text of {@code step} for its hosts, in the order of the hosts' first appearance. */
    public static List<Part> of(Step step, List<String> lessonRoles, Bindings b) {
        Map<Text, List<String>> hostsByText = new LinkedHashMap<>();
        for (String h : step.hosts(lessonRoles)) {
            hostsByText.computeIfAbsent(step.text(b.family(h)), k -> new ArrayList<>()).add(h);
        }
        if (hostsByText.size() <= 1) {
            return List.of(new Part(Optional.empty(),
                    hostsByText.isEmpty() ? step.text() : hostsByText.keySet().iterator().next()));
        }
        List<Part> out = new ArrayList<>();
        hostsByText.forEach((text, hosts) -> out.add(new Part(Optional.of(heading(hosts, b)), text)));
        return out;
    }

    /** The hosts and their families: "在 lb01、lb02 上（CentOS 7）：" / "On lb01, lb02 (CentOS 7):". */
    static Text heading(List<String> hosts, Bindings b) {
        Set<Family> families = new LinkedHashSet<>();
        hosts.forEach(h -> families.add(b.family(h)));
        String zh = String.join("、", families.stream().map(Family::zh).toList());
        String en = String.join(", ", families.stream().map(Family::en).toList());
        return Text.of("在 " + String.join("、", hosts) + " 上（" + zh + "）：",
                "On " + String.join(", ", hosts) + " (" + en + "):");
    }
}
