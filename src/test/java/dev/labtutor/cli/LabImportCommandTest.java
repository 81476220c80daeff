package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labtutor lab import}: INI and YAML inventories to an exact lab file; mistakes as file:line. */
class LabImportCommandTest {

    private static final Path FIXTURES =
            Path.of(System.getProperty("labtutor.root", "."), "src/test/resources/inventory");

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        CliTest.home();
    }

    @Test
    void anIniInventoryWithGroupMapsBecomesThisLabFile() throws Exception {
        CliTest.Run r = CliTest.run("lab", "import", FIXTURES.resolve("class.ini").toString(), "--map",
                "directors=lb,webservers=web,storage=nfs-server");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(FIXTURES.resolve("class.expected.yaml")), r.out());
        assertTrue(!r.out().contains("hunter2"), "passwords are never copied");
        Path lab = Files.writeString(dir.resolve("lab.yaml"), r.out());
        LabFile parsed = new LabFileReader(dir).readStrict(lab);
        assertEquals(List.of("lb01", "lb02", "web01", "web02", "nfs-server"), List.copyOf(parsed.hosts().keySet()));
        assertEquals(dir.resolve(".ssh/id_class3"), parsed.host("lb01").orElseThrow().identity().orElseThrow());
        assertEquals(2222, parsed.host("lb02").orElseThrow().port());
        assertTrue(parsed.host("web02").orElseThrow().needsSudo());
    }

    @Test
    void aYamlInventoryMapsByNameAndPrefixAndWritesTheOutputFile() throws Exception {
        Path out = dir.resolve("lab.yaml");
        CliTest.Run r = CliTest.run("lab", "import", FIXTURES.resolve("class.yml").toString(), "--map", "web=web", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(FIXTURES.resolve("class.yml.expected.yaml")), Files.readString(out));
        assertTrue(r.err().contains("wrote " + out), r.err());
        new LabFileReader(dir).readStrict(out);

        CliTest.Run again =
                CliTest.run("lab", "import", FIXTURES.resolve("class.yml").toString(), "-o", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists (--force overwrites it)"), again.err());
    }

    @Test
    void iniMistakesAreReportedWithFileAndLine() {
        Path f = FIXTURES.resolve("broken.ini");
        CliTest.Run r = CliTest.run("lab", "import", f.toString(), "--lang", "en");
        assertEquals(2, r.code());
        assertEquals("""
                labtutor: the inventory is invalid:
                %1$s:3:1: host lb02: expected key=value, got 'ansible_host'
                %1$s:5:1: not a section header: '[lb:vars' (expected [group], [group:vars] or [group:children])
                %1$s:7:1: expected one group name in [web:children], got 'web01 extra'
                """.formatted(f), r.err());
    }

    @Test
    void yamlMistakesAreReportedWithFileLineAndColumn() {
        Path f = FIXTURES.resolve("broken.yml");
        CliTest.Run r = CliTest.run("lab", "import", f.toString(), "--lang", "en");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ":5:3: unknown key 'childs' in group all (allowed: children, hosts, vars)"),
                r.err());
    }

    @Test
    void aBadValueNamesTheHostsLine() {
        Path f = FIXTURES.resolve("badport.ini");
        CliTest.Run r = CliTest.run("lab", "import", f.toString());
        assertEquals(2, r.code());
        assertEquals("labtutor: " + f + ":2: host lb01: ansible_port 'http' is not a port (1-65535)\n", r.err());
    }

    @Test
    void mappingMistakesSayWhatToDo() {
        Path f = FIXTURES.resolve("class.ini");
        CliTest.Run group = CliTest.run("lab", "import", f.toString(), "--map", "directors=lb01");
        assertEquals(2, group.code());
        assertTrue(group.err().contains("group directors has 2 hosts (director-a, director-b) but lb01 is one role; "
                + "map it to a role prefix such as 'lb' to number them"), group.err());
        CliTest.Run unknown = CliTest.run("lab", "import", f.toString(), "--map", "director=lb");
        assertTrue(
                unknown.err()
                        .contains("'director' is neither a group nor a host of " + f + " (did you mean 'directors'?)"),
                unknown.err());
        CliTest.Run role = CliTest.run("lab", "import", f.toString(), "--map", "storage=nfs");
        assertTrue(role.err().contains("'nfs' is neither a role nor a role prefix of this course"), role.err());
        assertTrue(role.err().contains("(did you mean 'nfs-server'?)") || role.err().contains("roles: lb01"),
                role.err());
    }
}
