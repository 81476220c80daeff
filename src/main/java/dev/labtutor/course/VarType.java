package dev.labtutor.course;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Types of course variables and check parameters. Values are validated before they reach a remote command line or a
 * keepalived.conf the learner is told to write.
 */
public enum VarType {
    IPV4("an IPv4 address like 10.0.0.100"), INT("a whole number"), WORD("letters, digits, '.', '_' or '-'"),
    IFACE("an interface name like eth0"), PATH("an absolute path"), URL("an http:// or https:// URL"), TEXT("text");

    private static final Pattern WORD_P = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
    private static final Pattern IFACE_P = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
    private static final Pattern URL_P = Pattern.compile("https?://[A-Za-z0-9.:-]{1,255}(/[A-Za-z0-9._~/%-]{0,1024})?");
    private static final Pattern PATH_P = Pattern.compile("/[A-Za-z0-9_./@+*-]{0,1023}");

    private final String describe;

    VarType(String describe) {
        this.describe = describe;
    }

    public String describe() {
        return describe;
    }

    public static Optional<VarType> parse(String s) {
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean accepts(String v) {
        return switch (this) {
            case IPV4 -> dev.labtutor.lab.Ipv4.isValid(v);
            case INT -> v.matches("-?[0-9]{1,9}");
            case WORD -> WORD_P.matcher(v).matches();
            case IFACE -> IFACE_P.matcher(v).matches() && !v.equals(".") && !v.equals("..");
            case PATH -> PATH_P.matcher(v).matches() && !v.contains("/../") && !v.endsWith("/..");
            case URL -> URL_P.matcher(v).matches();
            case TEXT -> v.indexOf('\0') < 0;
        };
    }
}
