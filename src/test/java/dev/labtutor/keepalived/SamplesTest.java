package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * keepalived's own sample configs all parse into a model, and give an ERROR only where keepalived 2.2.7 -t itself
 * reports something. The reference was recorded on this machine in a private namespace holding bridges eth0..eth3 and
 * eth0.1 (so interface messages do not hide the rest): {@link #KEEPALIVED_REPORTS} lists the files with non-empty
 * output; for the ones whose messages we emulate, the exact codes are given.
 */
class SamplesTest {

    private static final Set<String> KEEPALIVED_REPORTS =
            Set.of("keepalived.conf.SSL_GET", "keepalived.conf.conditional_conf", "keepalived.conf.fwmark",
                    "keepalived.conf.sample.in", "keepalived.conf.track_interface", "keepalived.conf.vrrp.localcheck",
                    "keepalived.conf.vrrp.lvs_syncd", "keepalived.conf.vrrp.routes", "keepalived.conf.vrrp.rules",
                    "keepalived.conf.vrrp.static_ipaddress", "keepalived__etc__keepalived__keepalived.conf");

    private static final Map<String, List<String>> EXPECTED_ERRORS =
            Map.of("keepalived.conf.SSL_GET", List.of("auth-ah-master"), "keepalived.conf.sample.in",
                    List.of("garp-interval-invalid", "strict-auth", "strict-master-owner"),
                    "keepalived__etc__keepalived__keepalived.conf",
                    List.of("garp-interval-invalid", "strict-auth", "strict-master-owner"), "keepalived.conf.fwmark",
                    List.of("vs-fwmark-protocol"), "keepalived.conf.conditional_conf",
                    List.of("script-missing", "track-script-unknown"), "keepalived.conf.vrrp.lvs_syncd",
                    List.of("unknown-keyword"));

    @TestFactory
    Stream<DynamicTest> samplesParse() throws Exception {
        Path dir = Corpus.root().resolve("keepalived-samples");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() >= 25);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            ParseResult r = KeepalivedParser.parse(new Source(f.toString(), Files.readString(f)),
                    IncludeResolver.filesystem(), ParseOptions.defaults());
            assertTrue(r.withCode("parser-internal").isEmpty());
            KeepalivedConfig c = r.config();
            assertFalse(c.vrrpInstances().isEmpty() && c.virtualServers().isEmpty(),
                    name + " produced no instance or virtual server");
            List<String> errors = r.errors().stream().map(Diagnostic::code).distinct().sorted().toList();
            if (!KEEPALIVED_REPORTS.contains(name)) {
                assertEquals(List.of(), errors, () -> name + ": " + r.errors());
            } else if (EXPECTED_ERRORS.containsKey(name)) {
                assertEquals(EXPECTED_ERRORS.get(name), errors, () -> name + ": " + r.errors());
            }
        }));
    }
}
