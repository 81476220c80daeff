package dev.labtutor.check;

import dev.labtutor.i18n.Sentences;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a primitive concluded. {@code cause} is a stable code for why it failed (used to pick the hint), empty on PASS.
 * {@code perHost} keeps each host's own outcome when this one was combined from per-host judgements (in the order of
 * the hosts), else it is empty.
 */
public record Outcome(Status status, String cause, Text message, List<Evidence> evidence, Map<String, Outcome> perHost,
        List<Text> notes) {

    public Outcome {
        evidence = List.copyOf(evidence);
        perHost = Collections.unmodifiableMap(new LinkedHashMap<>(perHost));
        notes = List.copyOf(notes);
    }

    public Outcome(Status status, String cause, Text message, List<Evidence> evidence, Map<String, Outcome> perHost) {
        this(status, cause, message, evidence, perHost, List.of());
    }

    public Outcome(Status status, String cause, Text message, List<Evidence> evidence) {
        this(status, cause, message, evidence, Map.of());
    }

    /**
     * The same outcome with advisory notes: findings that do not change the status (keepalived only reports them, the
     * configuration works), shown under a PASS.
     */
    public Outcome withNotes(List<Text> more) {
        List<Text> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Outcome(status, cause, message, evidence, perHost, all);
    }

    public static Outcome pass(Text message, List<Evidence> evidence) {
        return new Outcome(Status.PASS, "", message, evidence);
    }

    public static Outcome fail(String cause, Text message, List<Evidence> evidence) {
        return new Outcome(Status.FAIL, cause, message, evidence);
    }

    public static Outcome error(String cause, Text message) {
        return new Outcome(Status.ERROR, cause, message, List.of());
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /**
     * Combines per-host outcomes. A FAIL on a host that answered is definite and wins over an unreachable neighbour;
     * ERROR wins over everything because nothing else can be trusted.
     */
    public static Outcome combine(Map<String, Outcome> byHost) {
        Outcome c = combine(List.copyOf(byHost.values()));
        return new Outcome(c.status(), c.cause(), c.message(), c.evidence(), byHost, c.notes());
    }

    /** Combines outcomes whose hosts need not be told apart later. */
    public static Outcome combine(List<Outcome> perHost) {
        Status status = Status.PASS;
        for (Status s : List.of(Status.ERROR, Status.FAIL, Status.UNREACHABLE)) {
            if (perHost.stream().anyMatch(o -> o.status() == s)) {
                status = s;
                break;
            }
        }
        final Status st = status;
        List<Outcome> chosen = perHost.stream().filter(o -> o.status() == st).toList();
        String cause = chosen.isEmpty() ? "" : chosen.get(0).cause();
        List<Evidence> ev = new ArrayList<>();
        for (Outcome o : perHost) {
            ev.addAll(o.evidence());
        }
        List<Text> said = new ArrayList<>();
        (st == Status.PASS ? perHost : chosen).forEach(o -> said.add(o.message()));
        perHost.stream().filter(o -> o.status() != st && o.status() != Status.PASS).forEach(o -> said.add(o.message()));
        List<Text> notes = new ArrayList<>();
        perHost.forEach(o -> notes.addAll(o.notes()));
        return new Outcome(st, cause, Sentences.join(said), ev, Map.of(), notes);
    }
}
