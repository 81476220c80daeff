package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * labtutor's reader under keepalived 1.3.5's rules against what the real 1.3.5 daemon logged for each hand-made config
 * ({@code keepalived-lab-configs/config-1.3.5/NAME.log}, read in place; 1.3.5 has no {@code -t}, so its log is the
 * oracle). Each config-related log line is mapped to the labtutor code for the same problem ({@link #SAYS}); runtime
 * lines (state changes, health checks) and consequences of a problem already mapped are ignored ({@link #RUNTIME}).
 * Per config: every problem 1.3.5 logged is one labtutor reports, labtutor reports an error exactly when 1.3.5 logged
 * a problem (or silently misbehaves, {@link #SILENT}), and any other error labtutor reports is a deliberate difference
 * listed in {@link #EXTRA} with its reason.
 *
 * <p>Host interfaces are {ens33, lo}, as in the recording namespace.
 */
class Corpus135Test {

    /** 1.3.5 log text -> labtutor code for the same problem. */
    private static final Map<Pattern, String> SAYS = Map.ofEntries(
            Map.entry(Pattern.compile("^Unknown keyword '"), "unknown-keyword"),
            Map.entry(Pattern.compile("^Missing '\\{' at beginning of configuration block"), "missing-open-brace"),
            Map.entry(Pattern.compile("VRID not valid - must be between 1 & 255"), "vrid-range"),
            Map.entry(Pattern.compile("the virtual id must be set"), "vrid-missing"),
            Map.entry(Pattern.compile("^Unable to find config file\\(s\\)"), "include-missing"),
            Map.entry(Pattern.compile("Priority not valid! must be between 1 & 255"), "priority-range"),
            Map.entry(Pattern.compile("^Unmatched quote: "), "unterminated-quote"),
            Map.entry(Pattern.compile("Advert interval \\(.*\\) not valid! Must be > 0"), "advert-int-range"),
            Map.entry(Pattern.compile("^Truncating auth_pass to 8 characters"), "auth-pass-truncated"),
            Map.entry(Pattern.compile("unknown authentication type '"), "auth-type-unknown"),
            Map.entry(Pattern.compile("^SECURITY VIOLATION - scripts are being executed"), "script-security"),
            Map.entry(Pattern.compile("^VRID \\d+ is duplicated on interface"), "duplicate-vrid"),
            Map.entry(Pattern.compile("^Cant find interface lo for"), "interface-loopback"),
            Map.entry(Pattern.compile("^Cant find interface (?!lo )\\S+ for"), "interface-missing"),
            Map.entry(Pattern.compile("Scheduler or persistence engine not found"), "lb-algo-unknown"),
            Map.entry(Pattern.compile("^PARSER : unknown \\[.*\\] routing method"), "lb-kind-unknown"),
            Map.entry(Pattern.compile("^Keepalived_healthcheckers exited due to segmentation fault"),
                    "vs-no-real-server"),
            Map.entry(Pattern.compile("Warning - nopreempt will not work with initial state MASTER"),
                    "nopreempt-with-master"),
            Map.entry(Pattern.compile("IPVS \\(cmd 1159, errno 34\\): Numerical result out of range"),
                    "rs-weight-range"),
            Map.entry(Pattern.compile("unknown state 'master', defaulting to BACKUP"), "state-unknown"),
            Map.entry(Pattern.compile("Cannot start in MASTER state if not address owner"), "strict-master-owner"),
            Map.entry(Pattern.compile("Unicast peers are not supported in strict mode"), "strict-unicast"));

    /** Lines about running, not about the file, or consequences of a problem mapped above. */
    private static final Pattern RUNTIME = Pattern.compile("Entering [A-Z]+ STATE|Transition to MASTER STATE"
            + "|^Activating healthchecker|^Stopped$|exited with status|Changing effective priority"
            + "|^\\s+Using default value|^Default interface eth0 does not exist|Unknown interface !"
            + "|IPVS \\(cmd 1159, errno 2\\)|^Lost quorum|^\\s+Please report a bug|^\\s+and include this log"
            + "|^\\s+immediately before the crash");

    /**
     * Configs where 1.3.5 logs nothing yet misbehaves: labtutor still reports it, since the learner's daemon will not
     * (code and severity).
     */
    private static final Map<String, String> SILENT =
            Map.of("neg-missing-brace", "missing-brace ERROR: 1.3.5 logs nothing, and no instance starts", "neg-no-vip",
                    "no-vip WARNING: 1.3.5 logs nothing; the instance runs without a VIP");

    /** Deliberate differences: codes labtutor reports as ERROR beyond what 1.3.5 logged, with the reason. */
    private static final Map<String, Map<String, String>> EXTRA = Map.of("grammar-undefined-var",
            Map.of("invalid-number",
                    "labtutor adds why the priority is invalid: '$PRIO' is left as written, not a number"),
            "grammar-case",
            Map.of("unexpected-brace",
                    "1.3.5 does not split a line at '{', so it never names the brace; labtutor points at it to say why the block's lines are misread"),
            "neg-typo-virtual_ipadress", Map.of("unexpected-brace", "as in grammar-case"), "neg-extra-brace",
            Map.of("extra-brace", "1.3.5 only says Unknown keyword '}'; labtutor also says there is no '{' for it"),
            "grammar-unterminated-quote",
            Map.of("router-id-missing", "labtutor adds that the router_id is lost with the text after the quote"),
            "grammar-backslash",
            Map.of("invalid-number",
                    "1.3.5 reads 'virtual_router_id \\' as the value '\\'; labtutor adds that it is not a number"),
            "grammar-features",
            Map.of("unexpected-brace",
                    "1.3.5 does not split 'global_defs { ... }' written on one line, so its global_defs block swallows"
                            + " vrrp_instance up to line 17 (Missing '{'); labtutor splits same-line braces as"
                            + " 2.2 does and reads the instance, reporting its literal $IF and ${PRIO}",
                    "invalid-number", "the same", "priority-range", "the same", "interface-missing", "the same"));

    /** Problems 1.3.5 logged that labtutor reports differently, with the reason. */
    private static final Map<String, Map<String, String>> MISSED = Map.of("grammar-features",
            Map.of("missing-open-brace", "see EXTRA: labtutor reads the one-line global_defs block as 2.2 does"));

    static Set<String> logged(List<String> log) {
        Set<String> codes = new TreeSet<>();
        for (String l : log) {
            if (l.isBlank() || RUNTIME.matcher(l).find()) {
                continue;
            }
            List<String> hit = SAYS.entrySet().stream().filter(e -> e.getKey().matcher(l).find())
                    .map(Map.Entry::getValue).toList();
            assertEquals(1, hit.size(), () -> "1.3.5 log line not mapped to exactly one code: " + l + " " + hit);
            codes.add(hit.get(0));
        }
        return codes;
    }

    private static ParseResult parse135(Path conf) throws IOException {
        return KeepalivedParser.parse(new Source(conf.toString(), Files.readString(conf)), IncludeResolver.filesystem(),
                new ParseOptions(Optional.empty(), Optional.of(Set.of("ens33", "lo")), KeepalivedRules.V1_3_5));
    }

    @TestFactory
    Stream<DynamicTest> agreesWithKeepalived135() throws IOException {
        Path lab = Corpus.root().resolve("keepalived-lab-configs");
        List<Path> logs =
                Files.walk(lab.resolve("config-1.3.5"), 1).filter(p -> p.toString().endsWith(".log")).sorted().toList();
        assertTrue(logs.size() >= 30, "1.3.5 logs found: " + logs.size());
        return logs.stream().map(logFile -> DynamicTest.dynamicTest(logFile.getFileName().toString(), () -> {
            String name = logFile.getFileName().toString().replaceFirst("\\.log$", "");
            Set<String> theirs = logged(Files.readAllLines(logFile, StandardCharsets.UTF_8));
            ParseResult r = parse135(lab.resolve("configs/" + name + ".conf"));
            Set<String> ours = r.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toSet());
            Set<String> ourErrors =
                    r.errors().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
            String seen = name + ": 1.3.5 logged " + theirs + ", labtutor " + r.diagnostics();
            Set<String> missed = new TreeSet<>(theirs);
            missed.removeAll(ours);
            missed.removeAll(MISSED.getOrDefault(name, Map.of()).keySet());
            assertTrue(missed.isEmpty(), () -> seen + ": not reported " + missed);
            Set<String> extra = new TreeSet<>(ourErrors);
            extra.removeAll(theirs);
            extra.removeAll(EXTRA.getOrDefault(name, Map.of()).keySet());
            if (SILENT.containsKey(name)) {
                String[] want = SILENT.get(name).split("[ :]");
                assertTrue(r.diagnostics().stream()
                        .anyMatch(d -> d.code().equals(want[0]) && d.severity().name().equals(want[1])), seen);
                extra.remove(want[0]);
            }
            assertTrue(extra.isEmpty(), () -> seen + ": errors 1.3.5 does not log " + extra);
            assertTrue(r.diagnostics().stream().allMatch(d -> d.text().en().endsWith("(keepalived 1.3.5 rules)")
                    && d.text().zh().endsWith("（按 keepalived 1.3.5 的规则）")), seen);
        }));
    }

    /**
     * CentOS 7 ships keepalived 1.3.5's sample as /etc/keepalived/keepalived.conf. The corpus's
     * {@code keepalived.conf.sample.in} (head) differs from v1.3.5's {@code keepalived/etc/keepalived/keepalived.conf}
     * only by {@code retry} for {@code nb_get_retry} in HTTP_GET/SSL_GET and the three {@code accept} lines added later
     * (upstream issue #2339); undone here, it is the file a CentOS 7 learner starts from. 1.3.5 runs it and only logs
     * the strict MASTER below 255; 2.2's rules would flag nb_get_retry and the 0 intervals.
     */
    @Test
    void centos7sPackagedSampleHasOnlyWhat135Logs() throws IOException {
        Path in = Corpus.root().resolve("keepalived-samples/keepalived.conf.sample.in");
        String head = Files.readString(in);
        String v135 = head.replace("            retry 3\n", "            nb_get_retry 3\n")
                .replace("\n    # Allow packets addressed to the VIPs above to be received\n    accept\n", "");
        ParseResult r = KeepalivedParser.parse(new Source("keepalived.conf", v135), IncludeResolver.none(),
                ParseOptions.defaults().withRules(KeepalivedRules.V1_3_5));
        assertEquals(List.of("strict-master-owner"), r.errors().stream().map(Diagnostic::code).toList(),
                r.diagnostics().toString());
        ParseResult headUnder135 = KeepalivedParser.parse(new Source("keepalived.conf", head), IncludeResolver.none(),
                ParseOptions.defaults().withRules(KeepalivedRules.V1_3_5));
        assertTrue(
                headUnder135.withCode("unknown-keyword").stream().allMatch(
                        d -> d.text().en().startsWith("Unknown keyword 'retry': keepalived 1.3.5's HTTP_GET")),
                headUnder135.diagnostics().toString());
        assertEquals(5, headUnder135.withCode("unknown-keyword").size(), "its five HTTP_GET/SSL_GET retry lines");
    }

    /** The 2.2 reading of the same files differs where the README says 1.3.5 differs. */
    @Test
    void rulesDifferFromTwoTwoWhereTheReadmeSays() throws IOException {
        Path configs = Corpus.root().resolve("keepalived-lab-configs/configs");
        ParseResult strictUnicast = parse135(configs.resolve("neg-strict-unicast.conf"));
        assertEquals(1, strictUnicast.withCode("strict-unicast").size(), strictUnicast.diagnostics().toString());
        assertTrue(strictUnicast.config().vrrpInstances().isEmpty(), "1.3.5 refuses to run the instance");
        ParseResult two = KeepalivedParser.parse(
                new Source("x.conf", Files.readString(configs.resolve("neg-strict-unicast.conf"))),
                IncludeResolver.none(), ParseOptions.defaults());
        assertTrue(two.withCode("strict-unicast").isEmpty(), "2.2.7 does not report strict+unicast");

        ParseResult var = parse135(configs.resolve("grammar-features.conf"));
        assertTrue(var.diagnostics().stream().anyMatch(d -> d.text().en().startsWith("Unknown keyword '$IF=ens33'")),
                var.diagnostics().toString());
        assertTrue(var.diagnostics().stream().anyMatch(d -> d.text().en().startsWith("Unknown keyword '~SEQ(N,'")),
                var.diagnostics().toString());

        ParseResult brace = parse135(configs.resolve("neg-missing-brace.conf"));
        assertEquals(List.of("missing-brace"), brace.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(brace.config().vrrpInstances().isEmpty() && brace.config().virtualServers().isEmpty(),
                "nothing after the unclosed '{' takes effect");

        ParseResult strictMaster = parse135(configs.resolve("neg-strict-master-auth.conf"));
        assertTrue(strictMaster.withCode("strict-auth").isEmpty(), "1.3.5 keeps authentication under vrrp_strict");
        assertTrue(strictMaster.withCode("strict-master-owner").get(0).text().en()
                .startsWith("(VI_1) Cannot start in MASTER state if not address owner"));
        assertEquals(dev.labtutor.keepalived.VrrpState.BACKUP, strictMaster.config().vrrpInstances().get(0).state());
    }
}
