package dev.labtutor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer writes, the reader reads back the same: hosts, vars and known-hosts, awkward values included. */
class LabFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void hostsAndVarsRoundTripThroughTheReader() throws Exception {
        Path key = Files.writeString(dir.resolve("my key's \"dir\" 中文"), "not a real key");
        Map<String, String> vars = Map.of("vip", "10.0.0.100", "iface", "eth1", "answer", "yes", "version", "1.5",
                "priority", "100", "note", "a: b # c \\ \"d\"", "empty", "", "zh", "主服务器");
        List<HostSpec> hosts =
                List.of(new HostSpec("lb01", "10.0.0.11", 22, "root", Optional.of(key), Optional.empty(), false),
                        new HostSpec("lb02", "lb02.lab.example", 2222, "admin", Optional.empty(),
                                Optional.of("LB02_PASS"), true),
                        new HostSpec("web01", "10.0.0.21", 22, "null", Optional.empty(), Optional.empty(), false));
        LabFileWriter w =
                new LabFileWriter().comment("written by a test").knownHosts(dir.resolve("known hosts")).vars(vars);
        hosts.forEach(w::host);
        Path file = Files.writeString(dir.resolve("lab.yaml"), w.text());

        LabFile lab = new LabFileReader(dir).readStrict(file);

        assertEquals(vars, lab.vars());
        assertEquals(Optional.of(dir.resolve("known hosts")), lab.knownHosts());
        assertEquals(List.of("lb01", "lb02", "web01"), List.copyOf(lab.hosts().keySet()));
        for (HostSpec h : hosts) {
            assertEquals(h, lab.host(h.role()).orElseThrow(), w.text());
        }
    }

    @Test
    void leftOutFieldsAreLeftOutAndBareValuesStayBare() {
        String text =
                new LabFileWriter().hostComment("lb01 = inventory host lb01")
                        .host(new LabFileWriter.Entry("lb01", "192.0.2.11", OptionalInt.empty(), Optional.of("root"),
                                Optional.of("~/.ssh/id_class"), Optional.empty(), false))
                        .comment("after the hosts").text();
        assertEquals("""
                hosts:
                  # lb01 = inventory host lb01
                  lb01: { address: 192.0.2.11, user: root, identity: "~/.ssh/id_class" }
                # after the hosts
                """, text);
    }
}
