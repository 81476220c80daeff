package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keepalived 1.3.5's grammar where it differs from 2.2, on small inline files (the corpus test has the real logs). */
class KeepalivedRulesTest {

    private static ParseResult parse(String text, KeepalivedRules rules) {
        return KeepalivedParser.parse(new Source("k.conf", text), IncludeResolver.none(),
                ParseOptions.defaults().withRules(rules));
    }

    private static List<String> codes(ParseResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void versionsChooseRules() {
        assertEquals(Optional.of(KeepalivedRules.V1_3_5), KeepalivedRules.forVersion("1.3.5"));
        assertEquals(Optional.of(KeepalivedRules.V1_3_5), KeepalivedRules.forVersion("v1.2.13"));
        assertEquals(Optional.of(KeepalivedRules.V2_2), KeepalivedRules.forVersion("2.2.8"));
        assertEquals(Optional.empty(), KeepalivedRules.forVersion("latest"));
        assertEquals(KeepalivedRules.V2_2, ParseOptions.defaults().rules());
    }

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                state MASTER
                interface ens33
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    10.0.0.100/24
                }
            }
            """;

    @Test
    void definitionsAreUnknownKeywordsIn135() {
        String text = "$PRIO=100\n" + INSTANCE;
        assertEquals(List.of(), codes(parse(text, KeepalivedRules.V2_2)));
        ParseResult r = parse(text, KeepalivedRules.V1_3_5);
        assertEquals(List.of("unknown-keyword"), codes(r));
        assertTrue(r.diagnostics().get(0).text().en().startsWith("Unknown keyword '$PRIO=100'"));
        assertTrue(r.diagnostics().get(0).text().en().endsWith("(keepalived 1.3.5 rules)"));
        assertTrue(r.diagnostics().get(0).text().zh().endsWith("（按 keepalived 1.3.5 的规则）"));
    }

    @Test
    void nbGetRetryIsHttpGetsOwnWordIn135AndRetryIsNot() {
        String vs = """
                virtual_server 10.0.0.100 80 {
                    lb_algo rr
                    lb_kind DR
                    protocol TCP
                    real_server 10.0.0.11 80 {
                        HTTP_GET {
                            url {
                                path /
                            }
                            %s 3
                        }
                    }
                }
                """;
        assertEquals(List.of("nb-get-retry-deprecated"),
                codes(parse(vs.formatted("nb_get_retry"), KeepalivedRules.V2_2)));
        assertEquals(List.of(), codes(parse(vs.formatted("nb_get_retry"), KeepalivedRules.V1_3_5)));
        assertEquals(List.of(), codes(parse(vs.formatted("retry"), KeepalivedRules.V2_2)));
        assertEquals(List.of("unknown-keyword"), codes(parse(vs.formatted("retry"), KeepalivedRules.V1_3_5)));
    }

    @Test
    void garpIntervalZeroFromTheSampleIsSilentIn135() {
        String text = "global_defs {\n    vrrp_garp_interval 0\n    vrrp_gna_interval 0\n}\n" + INSTANCE;
        assertEquals(List.of("garp-interval-invalid", "garp-interval-invalid"),
                codes(parse(text, KeepalivedRules.V2_2)));
        ParseResult r = parse(text, KeepalivedRules.V1_3_5);
        assertEquals(List.of(), codes(r));
        assertEquals(Optional.of(0.0), r.config().globalDefs().vrrpGarpInterval());
    }

    @Test
    void aMissingVipIsOnlyATutorWarningIn135() {
        String text = INSTANCE.replace("    virtual_ipaddress {\n        10.0.0.100/24\n    }\n", "");
        assertTrue(parse(text, KeepalivedRules.V2_2).hasErrors());
        ParseResult r = parse(text, KeepalivedRules.V1_3_5);
        assertEquals(List.of("no-vip"), codes(r));
        assertEquals(Severity.WARNING, r.diagnostics().get(0).severity());
    }
}
