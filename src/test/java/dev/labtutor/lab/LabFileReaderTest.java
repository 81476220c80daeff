package dev.labtutor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFileReaderTest {

    @TempDir
    Path dir;

    private List<Problem> problemsOf(String yaml) throws Exception {
        Path f = dir.resolve("lab.yaml");
        Files.writeString(f, yaml);
        Problems p = new Problems();
        new LabFileReader(dir).read(f, p);
        return p.sorted();
    }

    @Test
    void readsHostsVarsAndDefaults() throws Exception {
        Path f = dir.resolve("lab.yaml");
        Files.writeString(f, """
                vars:
                  vip: 10.0.0.100
                hosts:
                  lb01: { address: 10.0.0.11, port: 2222, user: root, identity: ~/.ssh/id_ed25519 }
                  lb02: { address: lb02.lab.example, user: admin, password-env: LB02_PASS, sudo: true }
                """);
        LabFile lab = new LabFileReader(dir).readStrict(f);
        assertEquals("10.0.0.100", lab.vars().get("vip"));
        HostSpec lb01 = lab.host("lb01").orElseThrow();
        assertEquals(2222, lb01.port());
        assertEquals(Optional.of(dir.resolve(".ssh/id_ed25519")), lb01.identity());
        assertFalse(lb01.needsSudo());
        HostSpec lb02 = lab.host("lb02").orElseThrow();
        assertEquals(22, lb02.port());
        assertEquals(Optional.of("LB02_PASS"), lb02.passwordEnv());
        assertTrue(lb02.needsSudo());
        assertEquals(List.of("lb01", "lb02"), List.copyOf(lab.hosts().keySet()));
    }

    @Test
    void reportsEachProblemAtItsLine() throws Exception {
        List<Problem> ps = problemsOf("""
                hosts:
                  lb01: { address: 10.0.0.300 }
                  lb02:
                    address: 10.0.0.12
                    prot: 22
                  web01: { address: 10.0.0.13, port: 70000 }
                """);
        assertEquals(3, ps.size(), ps.toString());
        assertEquals(2, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("10.0.0.300"), ps.get(0).message());
        assertEquals(5, ps.get(1).line());
        assertTrue(ps.get(1).message().contains("unknown key 'prot'")
                && ps.get(1).message().contains("did you mean 'port'"), ps.get(1).message());
        assertEquals(6, ps.get(2).line());
        assertTrue(ps.get(2).message().contains("between 1 and 65535"), ps.get(2).message());
    }

    @Test
    void refusesPasswordsInTheFile() throws Exception {
        List<Problem> ps = problemsOf("""
                hosts:
                  lb01: { address: 10.0.0.11, password: hunter2 }
                """);
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).message().contains("password-env"));
        assertFalse(ps.get(0).message().contains("hunter2"), "the secret must not be echoed");
    }

    @Test
    void duplicateKeysAndSyntaxErrorsAreLocated() throws Exception {
        List<Problem> dup = problemsOf("""
                hosts:
                  lb01: { address: 10.0.0.11 }
                  lb01: { address: 10.0.0.12 }
                """);
        assertEquals(1, dup.size());
        assertEquals(3, dup.get(0).line());
        assertTrue(dup.get(0).message().contains("duplicate key 'lb01'"));
        List<Problem> syntax = problemsOf("hosts:\n  lb01: { address: 10.0.0.11\n");
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).message().startsWith("YAML syntax"), syntax.get(0).message());
    }

    @Test
    void yamlTagsCannotConstructObjects() throws Exception {
        List<Problem> ps = problemsOf(
                """
                        hosts:
                          lb01: !!javax.script.ScriptEngineManager [ !!java.net.URLClassLoader [[ !!java.net.URL ["http://127.0.0.1/"] ]] ]
                        """);
        assertFalse(ps.isEmpty(), "a tagged sequence is not a host mapping and must be rejected");
        assertTrue(ps.get(0).message().contains("host lb01 must be a mapping"), ps.toString());
    }

    @Test
    void missingHostsSection() throws Exception {
        List<Problem> ps = problemsOf("vars: { vip: 10.0.0.100 }\n");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().contains("no 'hosts:' section"));
    }
}
