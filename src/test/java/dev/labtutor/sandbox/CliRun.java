package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the real CLI in this JVM (exit code, stdout, stderr), with readers for the JSON report of {@code check
 * --format json}. Shared by the end-to-end tests.
 */
record CliRun(int code, String out, String err) {

    static CliRun of(StringWriter out, StringWriter err, String... args) {
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(new StringWriter(), new StringWriter(), args);
    }

    /** The results entry of one check in a JSON report. */
    String result(String check) {
        int i = out.indexOf("\"check\": \"" + check + "\"");
        assertTrue(i >= 0, "no result for " + check + " in " + out);
        int end = out.indexOf("\"check\": ", i + 10);
        return out.substring(i, end < 0 ? out.length() : end);
    }

    String status(String check) {
        Matcher m = Pattern.compile("\"status\": \"([a-z]+)\"").matcher(result(check));
        assertTrue(m.find());
        return m.group(1);
    }

    /** The per-host entry of one check for one role. */
    String onHost(String check, String role) {
        String r = result(check);
        int i = r.indexOf("\"host\": \"" + role + "\"");
        assertTrue(i >= 0, "no per-host result for " + role + " in " + r);
        int end = r.indexOf("\"host\": ", i + 10);
        return r.substring(i, end < 0 ? r.length() : end);
    }

    /** The {@code dev check} table: lesson id to result, in order. */
    java.util.Map<String, String> proofs() {
        java.util.Map<String, String> results = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([a-z0-9-]+) +[0-9]+ +[0-9]+ +[0-9]+ +[0-9.]+ s +([A-Z_]+)$").matcher(out);
        while (m.find()) {
            results.put(m.group(1), m.group(2));
        }
        return results;
    }
}
