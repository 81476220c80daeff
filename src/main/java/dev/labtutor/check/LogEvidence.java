package dev.labtutor.check;

import dev.labtutor.check.fact.LogLines;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an observed check ({@link TimelineCheck}) is judged in ONE round, when nobody watched: from what keepalived wrote
 * in its log when the learner acted. Grading, re-checking and a check without {@code --wait} see the lab long after the
 * failover; the log still says it happened.
 *
 * <ul>
 *   <li>{@link Vrrp}: the pattern {@code A → B → A} was performed when B's keepalived log shows B entering MASTER and,
 *       later, BACKUP again (A took the VIP back). B's own log orders the two on one clock; A's MASTER line nearest to
 *       the hand-back names the moment A took over.
 *   <li>{@link Pool}: a real server left the pool and came back when a director's log shows "Removing service
 *       [ADDRESS]:..." and, later, "Adding service [ADDRESS]:...".
 * </ul>
 *
 * A log that cannot be read, or that holds no state change at all although keepalived logs one at every start (rotated
 * or cleared), is ERROR: the work may have been done, nobody can tell.
 */
public sealed interface LogEvidence {

    /** The unit whose log holds the evidence. */
    String UNIT = "keepalived";

    /** Cause of a FAIL: the logs show no such failover. */
    String NOT_PERFORMED = "not-performed";
    /** Cause of an ERROR: the log holds nothing to judge by. */
    String LOGS_MISSING = "logs-missing";

    /** The roles whose logs are read. */
    List<String> roles();

    Outcome judge(RoundFacts facts);

    default Map<String, Set<Probe>> probes() {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        roles().forEach(r -> m.put(r, Set.of(probe())));
        return m;
    }

    static Probe probe() {
        return Probe.of(Probe.Kind.LOG_EVENTS, UNIT);
    }

    /** One log line's time ("Dec 6 10:31:05 host ...": {@code 10:31:05}), or "?" when it has none. */
    static String time(String line) {
        Matcher m = TIME.matcher(line);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * The first time of day on a line: syslog and journal "Dec 6 10:31:05", ISO "2026-12-06T10:31:05", console logs.
     */
    Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}:\\d{2})");

    Pattern STATE = Pattern.compile("Entering ([A-Z]+) STATE");

    /**
     * The outcome that stops the judgement on {@code role}: the host could not be asked, the probe broke, or there is
     * no log at all.
     */
    private static Optional<Outcome> unreadable(RoundFacts facts, String role) {
        return facts.unusable(role, probe()).or(() -> LogCheck.noSource(role, log(facts, role)));
    }

    /** The log lines of {@code role}, once {@link #unreadable} found nothing in the way. */
    private static LogLines log(RoundFacts facts, String role) {
        return (LogLines) facts.host(role).orElseThrow().fact(probe());
    }

    /** One VRRP state change in a log: the state entered, the time of day, the whole line (the evidence). */
    record StateChange(String state, String time, String line) {

        boolean master() {
            return state.equals("MASTER");
        }
    }

    /** The VRRP state changes among {@code lines}, in order. */
    private static List<StateChange> states(List<String> lines) {
        List<StateChange> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = STATE.matcher(l);
            if (m.find()) {
                out.add(new StateChange(m.group(1), time(l), l));
            }
        }
        return out;
    }

    /**
     * A PASS from the logs, its finding also as a note: reports show notes under a PASS, so the learner reads when it
     * happened.
     */
    private static Outcome seen(Text finding, List<Evidence> ev) {
        return Outcome.pass(finding, ev).withNotes(List.of(finding));
    }

    private static Outcome logsMissing(String roles, List<Evidence> ev) {
        return new Outcome(Status.ERROR, LOGS_MISSING,
                Text.of(roles + " 的 keepalived 日志里没有任何状态变化（keepalived 每次启动都会记录一次）：日志被轮转或清空了，无法判断是否做过切换",
                        "keepalived's log on " + roles
                                + " holds no state change at all (keepalived logs one at every start): the log "
                                + "was rotated or cleared, so whether the failover was performed cannot be told"),
                ev);
    }

    /** The VIP went from {@code first} to {@code second} and back. */
    record Vrrp(String first, String second) implements LogEvidence {

        @Override
        public List<String> roles() {
            return List.of(first, second);
        }

        @Override
        public Outcome judge(RoundFacts facts) {
            Optional<Outcome> stop = unreadable(facts, first).or(() -> unreadable(facts, second));
            if (stop.isPresent()) {
                return stop.get();
            }
            List<StateChange> sa = states(log(facts, first).lines());
            List<StateChange> sb = states(log(facts, second).lines());
            List<Evidence> ev = new ArrayList<>();
            sb.stream().skip(Math.max(0, sb.size() - 6)).forEach(x -> ev.add(new Evidence(second, x.line())));
            sa.stream().skip(Math.max(0, sa.size() - 4)).forEach(x -> ev.add(new Evidence(first, x.line())));
            if (sa.isEmpty() && sb.isEmpty()) {
                return logsMissing(first + ", " + second, ev);
            }
            int master = -1;
            int back = -1;
            for (int i = 0; i < sb.size(); i++) {
                if (sb.get(i).master()) {
                    for (int j = i + 1; j < sb.size(); j++) {
                        if (!sb.get(j).master()) {
                            master = i;
                            back = j;
                            break;
                        }
                    }
                }
            }
            if (master >= 0) {
                String took = sb.get(master).time();
                // The moment A took over, from A's own log when it has a MASTER line at or after B's
                // (the hosts' clocks may differ a little), else B's hand-back.
                String returned = sb.get(back).time();
                for (StateChange x : sa) {
                    if (x.master() && x.time().compareTo(took) >= 0) {
                        returned = x.time();
                        break;
                    }
                }
                return seen(
                        Text.of("日志记录了切换：" + second + " " + took + " 成为 MASTER，" + returned + " 回到 " + first,
                                "from the logs: " + second + " MASTER " + took + ", back to " + first + " " + returned),
                        ev);
            }
            boolean stillMaster = !sb.isEmpty() && sb.get(sb.size() - 1).master();
            if (stillMaster) {
                String took = sb.get(sb.size() - 1).time();
                return Outcome.fail(NOT_PERFORMED,
                        Text.of("日志显示 " + second + " 在 " + took + " 接管成为 MASTER，但 " + first + " 还没有把 VIP 收回：在 " + first
                                + " 上启动 keepalived",
                                "from the logs: " + second + " took over as MASTER at " + took + ", but " + first
                                        + " has not taken the VIP back: start keepalived on " + first),
                        ev);
            }
            return Outcome.fail(NOT_PERFORMED,
                    Text.of("还没有做过切换：" + second + " 的 keepalived 日志里没有进入 MASTER 状态的记录（共 " + sb.size() + " 次状态变化）",
                            "the failover has not been performed: keepalived's log on " + second
                                    + " shows it never entered MASTER (" + sb.size() + " state change"
                                    + (sb.size() == 1 ? "" : "s") + " logged)"),
                    ev);
        }
    }

    /**
     * The real server at {@code address} ({@code server}) left the pool and came back, seen by any of
     * {@code directors}.
     */
    record Pool(List<String> directors, String server, String address) implements LogEvidence {

        public Pool {
            directors = List.copyOf(directors);
        }

        @Override
        public List<String> roles() {
            return directors;
        }

        @Override
        public Outcome judge(RoundFacts facts) {
            String removed = "Removing service [" + address + "]:";
            String added = "Adding service [" + address + "]:";
            List<Evidence> ev = new ArrayList<>();
            Optional<Outcome> firstProblem = Optional.empty();
            boolean anyState = false;
            String stillOut = null;
            for (String d : directors) {
                Optional<Outcome> stop = unreadable(facts, d);
                if (stop.isPresent()) {
                    firstProblem = firstProblem.or(() -> stop);
                    continue;
                }
                List<String> lines = log(facts, d).lines();
                anyState |= !states(lines).isEmpty() || lines.stream().anyMatch(l -> l.contains("service ["));
                int out = -1;
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (l.contains(removed)) {
                        out = i;
                        ev.add(new Evidence(d, l));
                    } else if (l.contains(added) && out >= 0) {
                        ev.add(new Evidence(d, l));
                        return seen(Text.of(
                                "日志记录了故障和恢复：" + d + " 在 " + time(lines.get(out)) + " 把 " + server + "（" + address
                                        + "）移出调度，" + time(l) + " 加回",
                                "from the logs: " + d + " took " + server + " (" + address + ") out of the pool at "
                                        + time(lines.get(out)) + " and back at " + time(l)),
                                ev);
                    }
                }
                if (out >= 0) {
                    stillOut = d + " " + time(lines.get(out));
                }
            }
            if (firstProblem.isPresent() && ev.isEmpty() && !anyState) {
                return firstProblem.get();
            }
            if (!anyState) {
                return logsMissing(String.join(", ", directors), ev);
            }
            if (stillOut != null) {
                return Outcome.fail(NOT_PERFORMED,
                        Text.of("日志显示 " + server + " 被移出了调度（" + stillOut + "），但还没有加回来：在 " + server + " 上启动 httpd",
                                "from the logs: " + server + " left the pool (" + stillOut
                                        + ") but has not come back: start httpd on " + server),
                        ev);
            }
            return Outcome.fail(NOT_PERFORMED,
                    Text.of("还没有做过节点故障测试：调度器的 keepalived 日志里没有把 " + server + "（" + address + "）移出调度的记录",
                            "the real-server failure has not been performed: the directors' keepalived logs never show "
                                    + server + " (" + address + ") taken out of the pool"),
                    ev);
        }
    }
}
