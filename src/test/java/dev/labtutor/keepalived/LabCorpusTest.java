package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hand-made config of keepalived-lab-configs against the recorded stderr of keepalived 2.2.7 {@code -t}: ERROR
 * exactly when keepalived printed something, and every line keepalived names is a line we report on.
 *
 * <p>Host interfaces are {ens33, lo}: the recording namespace held one stand-in interface {@code ens33} and, like every
 * network namespace, {@code lo}. With them, interface messages agree with the recording instead of having to be set
 * aside. grammar-features.conf was recorded with {@code -i nodeA} (its stderr is empty, README: rc 0 with -i nodeA or
 * nodeB), so it is parsed with config id nodeA.
 */
class LabCorpusTest {

    private static final Pattern LINE = Pattern.compile("^\\((?:[^:()]+: )?Line (\\d+)\\)");

    @TestFactory
    Stream<DynamicTest> agreesWithKeepalived() throws IOException {
        Path lab = Corpus.root().resolve("keepalived-lab-configs");
        List<Path> confs;
        try (Stream<Path> s = Files.list(lab.resolve("configs"))) {
            confs = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(confs.size() >= 30, "corpus configs found: " + confs.size());
        return confs.stream().map(conf -> DynamicTest.dynamicTest(conf.getFileName().toString(), () -> {
            String name = conf.getFileName().toString();
            List<String> stderr =
                    Files.readAllLines(lab.resolve("config-test/" + name + ".stderr"), StandardCharsets.UTF_8);
            ParseOptions opts =
                    new ParseOptions(name.equals("grammar-features.conf") ? Optional.of("nodeA") : Optional.empty(),
                            Optional.of(Set.of("ens33", "lo")));
            ParseResult r = KeepalivedParser.parse(new Source(conf.toString(), Files.readString(conf)),
                    IncludeResolver.filesystem(), opts);
            boolean keepalivedReported = stderr.stream().anyMatch(l -> !l.isBlank());
            assertEquals(keepalivedReported, r.hasErrors(),
                    () -> name + ": keepalived stderr " + stderr + " vs ours " + r.diagnostics());
            Set<Integer> theirs = new TreeSet<>();
            for (String l : stderr) {
                Matcher m = LINE.matcher(l);
                if (m.find()) {
                    theirs.add(Integer.parseInt(m.group(1)));
                }
            }
            Set<Integer> ours = new TreeSet<>();
            r.diagnostics().forEach(d -> ours.add(d.line()));
            List<Integer> missing = new ArrayList<>(theirs);
            missing.removeAll(ours);
            assertTrue(missing.isEmpty(),
                    () -> name + ": keepalived names lines " + theirs + ", we report " + ours + " " + r.diagnostics());
        }));
    }
}
