package dev.labtutor.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Writes {@code lab.yaml} in the shape {@link LabFileReader} reads: comments, {@code known-hosts}, {@code vars}, then
 * {@code hosts} with one flow mapping per role. The one writer of lab files: the first-run form, {@code lab import} and
 * the sandbox all go through it, so what one writes the reader reads back the same. Paths are always double-quoted;
 * other values are written bare when YAML would read them back as the same string, else double-quoted.
 */
public final class LabFileWriter {

    /**
     * One host's entry; an absent field is left out, so the reader's default applies ({@code port} 22, {@code user}
     * root).
     *
     * @param identity the private key as the user wrote it (a {@code ~/} path stays as it is)
     */
    public record Entry(String role, String address, OptionalInt port, Optional<String> user, Optional<String> identity,
            Optional<String> passwordEnv, boolean sudo) {

        /** Everything a host of a lab says, the port and user included. */
        public static Entry of(HostSpec h) {
            return new Entry(h.role(), h.address(), OptionalInt.of(h.port()), Optional.of(h.user()),
                    h.identity().map(Path::toString), h.passwordEnv(), h.sudo());
        }
    }

    /** Letters, digits and {@code _ . -}: bare in YAML unless a word below or a number. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    /** Words YAML 1.1 or 1.2 reads as a boolean or null, and numbers; these are quoted to stay strings. */
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~)|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+|\\.(inf|nan)");

    private final StringBuilder text = new StringBuilder();
    private boolean hosts;

    /** A comment line at the top level ({@code # line}). */
    public LabFileWriter comment(String line) {
        text.append("# ").append(line).append('\n');
        return this;
    }

    public LabFileWriter knownHosts(Path file) {
        text.append("known-hosts: ").append(quote(file.toString())).append('\n');
        return this;
    }

    /** The course variables, in the map's order; nothing when there are none. */
    public LabFileWriter vars(Map<String, String> vars) {
        if (!vars.isEmpty()) {
            text.append("vars:\n");
            vars.forEach(
                    (name, value) -> text.append("  ").append(name).append(": ").append(scalar(value)).append('\n'));
        }
        return this;
    }

    /** Starts the {@code hosts:} section; {@link #host} and {@link #hostComment} start it when needed. */
    public LabFileWriter hosts() {
        if (!hosts) {
            text.append("hosts:\n");
            hosts = true;
        }
        return this;
    }

    /** A comment line inside {@code hosts:} ({@code # line}). */
    public LabFileWriter hostComment(String line) {
        hosts();
        text.append("  # ").append(line).append('\n');
        return this;
    }

    public LabFileWriter host(HostSpec h) {
        return host(Entry.of(h));
    }

    public LabFileWriter host(Entry e) {
        hosts();
        List<String> fields = new ArrayList<>();
        fields.add("address: " + scalar(e.address()));
        e.port().ifPresent(p -> fields.add("port: " + p));
        e.user().ifPresent(u -> fields.add("user: " + scalar(u)));
        e.identity().ifPresent(k -> fields.add("identity: " + quote(k)));
        e.passwordEnv().ifPresent(v -> fields.add("password-env: " + scalar(v)));
        if (e.sudo()) {
            fields.add("sudo: true");
        }
        text.append("  ").append(e.role()).append(": { ").append(String.join(", ", fields)).append(" }\n");
        return this;
    }

    /** The file's text so far. */
    public String text() {
        return text.toString();
    }

    /** {@code s} as it is when YAML reads it back as this very string, else {@link #quote}d. */
    static String scalar(String s) {
        return PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() ? s : quote(s);
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
