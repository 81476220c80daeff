package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Prober;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.HostProfiles;
import dev.labtutor.session.Intent;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each lab host is shown beside the distribution detected on it, at 80x24, in both languages (issue 17). */
class TutorScreenDistroTest {

    static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    static final Distro UBUNTU =
            new Distro("ubuntu", "24.04", "Ubuntu", "apt-get", Optional.empty(), Optional.of(Family.DEBIAN));
    /** A distribution as an edited progress file could carry it: escapes must not reach the terminal. */
    static final Distro HOSTILE =
            new Distro("x", "1", "\u001b[2J\u001b]0;owned\u0007Evil", "", Optional.empty(), Optional.empty());

    static SessionState detected(Lang lang) {
        SessionState s = TutorScreenTest.state(Fixtures.course(), lang);
        return new Session().update(s,
                new Intent.HostsDetected(
                        new HostProfiles(Map.of(), Map.of("lb01", CENTOS7, "lb02", UBUNTU, "web01", HOSTILE))),
                TutorScreenTest.NOW).state();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theHostsAreListedWithTheirDistributionsAndCutCleanly(Lang lang) throws Exception {
        List<String> screen = TutorScreenTest.draw(detected(lang), Ui.start(), 80, 24);
        String all = String.join("\n", screen);
        TutorScreenTest.assertAligned(screen, 80, Layout.of(80, 24).listWidth());
        if (System.getProperty("show.screen") != null) {
            System.out.println(all);
        }
        int results = 0;
        while (!screen.get(results).contains(lang == Lang.ZH ? "检查结果" : "Results")) {
            results++;
        }
        List<String> pane = screen.subList(results, screen.size());
        assertTrue(String.join("\n", pane).contains(lang == Lang.ZH ? "实验主机" : "Lab hosts"), all);
        String lb01 =
                pane.stream().filter(r -> r.contains("lb01 ")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(lb01.contains("10.9.0.11 · CentOS Linux 7 · keep"), lb01);
        assertTrue(lb01.stripTrailing().endsWith("…"), "too long for the pane: cut with an ellipsis: " + lb01);
        String lb02 =
                pane.stream().filter(r -> r.contains("lb02 ")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(lb02.stripTrailing().endsWith("10.9.0.12 · Ubuntu 24.04"), lb02);
        assertFalse(all.contains("\u001b") || all.contains("\u0007"), "no escape reaches the screen:\n" + all);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aRunningCheckShowsEachHostsDistributionBesideItsPhase(Lang lang) throws Exception {
        SessionState s = new Session().update(detected(lang), new Intent.Check(), TutorScreenTest.NOW).state();
        long run = s.running().orElseThrow().id();
        s = new Session().update(s, new Intent.HostPhase(run, "lb02", Prober.Phase.CONNECTING), TutorScreenTest.NOW)
                .state();
        List<String> screen = TutorScreenTest.draw(s, Ui.start(), 80, 24);
        String all = String.join("\n", screen);
        TutorScreenTest.assertAligned(screen, 80, Layout.of(80, 24).listWidth());
        String lb02 = screen.stream().filter(r -> r.contains("| lb02 ")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(lb02.contains(" · Ubuntu 24.04"), all);
    }
}
