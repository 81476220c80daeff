package dev.labtutor.course;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders in lesson text, commands and check parameters; {@code $$} is a literal dollar. Names are
 * lower case with dots ({@code lb01.address}).
 */
public final class Template {

    private static final Pattern REF = Pattern.compile("\\$\\$|\\$\\{([a-z0-9][a-z0-9_.-]*)}");

    private Template() {
    }

    /** Thrown for a placeholder the lookup does not know. */
    public static final class UnknownVariable extends RuntimeException {
        private final String name;

        public UnknownVariable(String name) {
            super("unknown variable ${" + name + "}");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    public static String render(String text, Function<String, Optional<String>> lookup) {
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String rep;
            if (m.group(1) == null) {
                rep = "$";
            } else {
                String name = m.group(1);
                rep = lookup.apply(name).orElseThrow(() -> new UnknownVariable(name));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The placeholder names used in {@code text}, in order of first use. */
    public static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = REF.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
