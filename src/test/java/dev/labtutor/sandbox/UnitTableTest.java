package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-ins answer from one unit table (resource bin/units): systemctl and journalctl find a unit's package,
 * description and aliases there. Run with bash under a temporary root (LABTUTOR_SANDBOX_ROOT); only what does not look
 * at this machine's processes is asked.
 */
class UnitTableTest {

    @TempDir
    Path root;

    private String run(String tool, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash",
                Path.of(getClass().getResource("/dev/labtutor/sandbox/bin/" + tool).toURI()).toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("LABTUTOR_SANDBOX_ROOT", root.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    private void installed(String pkg, String nevra) throws Exception {
        Path db = root.resolve("run/labtutor/state/rpmdb");
        Files.createDirectories(db);
        Files.writeString(db.resolve(pkg), nevra + "\n");
    }

    @Test
    void systemctlFindsAUnitThroughItsPackageAndAlias() throws Exception {
        assertEquals("Failed to get unit file state for nfs-server.service: No such file or directory\n",
                run("systemctl", "is-enabled", "nfs"));
        installed("nfs-utils", "nfs-utils-2.6.4-1.oe2403sp1.x86_64");
        assertEquals(
                "Id=nfs-server.service\nDescription=NFS server and services\nLoadState=loaded\n"
                        + "UnitFileState=disabled\n",
                run("systemctl", "show", "nfs", "-p", "Id,Description,LoadState,UnitFileState"));
        assertEquals("The Apache HTTP Server\nnot-found\n",
                run("systemctl", "show", "httpd.service", "-p", "Description", "-p", "LoadState", "--value"));
    }

    @Test
    void journalctlMatchesAUnitByNameOrDescription() throws Exception {
        Path messages = root.resolve("var/log/messages");
        Files.createDirectories(messages.getParent());
        Files.writeString(messages, """
                Dec  6 21:59:01 nfs-server systemd[1]: Starting NFS server and services...
                Dec  6 21:59:01 nfs-server systemd[1]: Starting RPC Bind...
                Dec  6 21:59:02 nfs-server systemd[1]: Started NFS server and services.
                """);
        assertEquals("Dec  6 21:59:01 nfs-server systemd[1]: Starting RPC Bind...\n",
                run("journalctl", "-u", "rpcbind.service"));
    }
}
