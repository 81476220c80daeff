package dev.labtutor.grading;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the gradebook. Login passwords handed to SSH (from the environment or typed) are replaced
 * wherever they occur; VRRP passwords are replaced as whole words, and the value after every {@code auth_pass} in raw
 * output (keepalived.conf) is masked whatever it is. Every text of a result goes through here before it is kept.
 */
public final class Redactor {

    public static final String MASK = "********";
    private static final Pattern AUTH_PASS = Pattern.compile("(auth_pass[ \\t]+)([^\\s#!]+)");
    private static final int MIN_WORD = 3;

    private final List<String> exact = new CopyOnWriteArrayList<>();
    private final List<Pattern> words = new CopyOnWriteArrayList<>();

    /** A secret that must not appear anywhere (a login password); ignored when empty. */
    public void secret(String s) {
        if (s != null && !s.isEmpty() && !exact.contains(s)) {
            exact.add(s);
            exact.sort((a, b) -> Integer.compare(b.length(), a.length()));
        }
    }

    /** A short secret (a VRRP password) masked where it stands as a word of its own. */
    public void word(String s) {
        if (s != null && s.length() >= MIN_WORD) {
            words.add(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(s) + "(?![A-Za-z0-9])"));
        }
    }

    /** An environment lookup for the SSH layer that makes every value it hands out a {@link #secret}. */
    public java.util.function.Function<String, String> recording(java.util.function.Function<String, String> env) {
        return name -> {
            String v = env.apply(name);
            secret(v);
            return v;
        };
    }

    public String clean(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = s;
        for (String e : exact) {
            out = out.replace(e, MASK);
        }
        for (Pattern p : words) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return AUTH_PASS.matcher(out).replaceAll("$1" + MASK);
    }

    public Text clean(Text t) {
        return Text.of(clean(t.zh()), clean(t.en()));
    }

    public Optional<Text> clean(Optional<Text> t) {
        return t.map(this::clean);
    }

    private List<Evidence> cleanEvidence(List<Evidence> ev) {
        return ev.stream().map(e -> new Evidence(e.host(), clean(e.detail()))).toList();
    }

    public Verdict clean(Verdict v) {
        List<HostVerdict> per = v.perHost().stream().map(h -> new HostVerdict(h.role(), h.status(), h.cause(),
                clean(h.message()), clean(h.hint()), cleanEvidence(h.evidence()))).toList();
        return new Verdict(v.check(), clean(v.title()), v.hosts(), v.status(), v.cause(), clean(v.message()),
                clean(v.hint()), cleanEvidence(v.evidence()), per, v.notes().stream().map(this::clean).toList());
    }
}
