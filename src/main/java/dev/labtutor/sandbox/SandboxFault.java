package dev.labtutor.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fault the sandbox can inject into one host, for end-to-end tests and for {@code labtutor sandbox break SCENARIO
 * [HOST]}.
 */
public sealed interface SandboxFault {

    SandboxRole role();

    /**
     * The CLI name of the scenario, e.g. {@code vrrp-blocked}: the fault's name in lower case with a dash between its
     * words ({@link KeepalivedSetting} adds its value).
     */
    default String scenario() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** nftables in the host drops VRRP both ways: its peers stop hearing it and it stops hearing them (split brain). */
    record VrrpBlocked(SandboxRole role) implements SandboxFault {
    }

    /** keepalived is stopped on the host, as if it crashed; the VIP should move to the backup. */
    record KeepalivedStopped(SandboxRole role) implements SandboxFault {
    }

    /**
     * Every {@code keyword} line of the host's keepalived.conf gets {@code value}, then keepalived restarts: the
     * classic mismatches (equal priorities, different virtual_router_id or auth_pass).
     */
    record KeepalivedSetting(SandboxRole role, Keyword keyword, String value) implements SandboxFault {
        public KeepalivedSetting {
            if (!value.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new IllegalArgumentException("value for " + keyword.word() + " must be a plain word: " + value);
            }
        }

        @Override
        public String scenario() {
            return keyword.scenario() + "=" + value;
        }
    }

    /** sshd on the host stops: the tutor sees it UNREACHABLE. */
    record SshdStopped(SandboxRole role) implements SandboxFault {
    }

    /** The host gets a new SSH host key (as after a reinstall); known_hosts no longer matches it. */
    record HostKeyChanged(SandboxRole role) implements SandboxFault {
    }

    /** The keepalived.conf keywords a {@link KeepalivedSetting} can change. */
    enum Keyword {
        PRIORITY, VIRTUAL_ROUTER_ID, AUTH_PASS;

        /** The keyword as keepalived.conf spells it, e.g. {@code virtual_router_id}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The scenario's name on the command line, e.g. {@code vrid}. */
        String scenario() {
            return switch (this) {
                case PRIORITY -> "priority";
                case VIRTUAL_ROUTER_ID -> "vrid";
                case AUTH_PASS -> "auth-pass";
            };
        }
    }

    /** Scenario names {@link #parse} accepts, for help text and error messages. */
    List<String> SCENARIOS = List.of("vrrp-blocked", "keepalived-stopped", "priority=N", "vrid=N", "auth-pass=WORD",
            "sshd-stopped", "host-key-changed");

    /**
     * Parses a CLI scenario. {@code role} empty means the scenario's usual victim: lb02 for vrrp-blocked (the backup
     * that stops hearing the master), lb01 for the rest.
     *
     * @throws IllegalArgumentException naming the known scenarios
     */
    static SandboxFault parse(String scenario, Optional<SandboxRole> role) {
        String s = scenario.trim();
        String name =
                s.contains("=") ? s.substring(0, s.indexOf('=')).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        String value = s.contains("=") ? s.substring(s.indexOf('=') + 1) : "";
        SandboxRole victim = role.orElse(name.equals("vrrp-blocked") ? SandboxRole.LB02 : SandboxRole.LB01);
        for (Keyword k : Keyword.values()) {
            if (k.scenario().equals(name)) {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("scenario " + name + " needs a value, e.g. " + name + "=100");
                }
                return new KeepalivedSetting(victim, k, value);
            }
        }
        return switch (name) {
            case "vrrp-blocked", "split-brain" -> new VrrpBlocked(victim);
            case "keepalived-stopped" -> new KeepalivedStopped(victim);
            case "sshd-stopped" -> new SshdStopped(victim);
            case "host-key-changed" -> new HostKeyChanged(victim);
            default -> throw new IllegalArgumentException(
                    "unknown scenario '" + scenario + "' (known: " + String.join(", ", SCENARIOS) + ")");
        };
    }
}
