package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The stand-ins of each sandbox flavour print that distribution's output: Rocky 9's and CentOS 7's keepalived package
 * lays down keepalived.conf itself, CentOS 7 has yum's output, el7 packages, an ip without {@code -j}, keepalived
 * 1.3.5's {@code -t} and {@code -v} and its log lines; Ubuntu has apt-get with its own dpkg database, a keepalived
 * package without keepalived.conf, and ufw. Run with bash under a temporary root (LABTUTOR_SANDBOX_ROOT) with the
 * flavour in LABTUTOR_SANDBOX_FLAVOUR; nothing here touches the machine's /etc, services or nftables.
 */
class FlavourStandInsTest {

    @TempDir
    Path root;

    record Run(int code, String out, String err) {
    }

    private Run runWithInput(String flavour, String stdin, String tool, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash",
                Path.of(getClass().getResource("/dev/labtutor/sandbox/bin/" + tool).toURI()).toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LABTUTOR_SANDBOX_ROOT", root.toString());
        pb.environment().put("LABTUTOR_SANDBOX_FLAVOUR", flavour);
        pb.redirectError(root.resolve("stderr").toFile());
        Files.createDirectories(root.resolve("var/log"));
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(root.resolve("stderr")));
    }

    private Run run(String flavour, String tool, String... args) throws Exception {
        return runWithInput(flavour, "", tool, args);
    }

    private String resource(String name) throws Exception {
        return Files.readString(Path.of(getClass().getResource("/dev/labtutor/sandbox/" + name).toURI()));
    }

    private Path etc(String path) {
        return root.resolve("etc").resolve(path);
    }

    private String db(String pkg) throws Exception {
        return Files.readString(root.resolve("run/labtutor/state/rpmdb").resolve(pkg)).strip();
    }

    @Test
    void openEulerShipsTheSampleAndRocky9TheConfItself() throws Exception {
        assertEquals(0, run("openeuler", "dnf", "install", "-y", "keepalived").code());
        assertEquals(resource("keepalived.conf.sample"), Files.readString(etc("keepalived/keepalived.conf.sample")));
        assertFalse(Files.exists(etc("keepalived/keepalived.conf")));
        assertEquals("keepalived-2.2.8-1.oe2403sp1.x86_64", db("keepalived"));
    }

    @Test
    void rocky9InstallsEl9PackagesWhoseKeepalivedShipsKeepalivedConf() throws Exception {
        Run r = run("rocky9", "dnf", "install", "-y", "keepalived", "ipvsadm");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Installed:\n  keepalived-2.2.8-4.el9.x86_64\n  ipvsadm-1.31-6.el9.x86_64\n"),
                r.out());
        assertEquals(resource("keepalived.conf.sample"), Files.readString(etc("keepalived/keepalived.conf")));
        assertFalse(Files.exists(etc("keepalived/keepalived.conf.sample")), "Rocky 9's package has no .sample");
        assertEquals("nfs-utils-2.5.4-27.el9.x86_64", run("rocky9", "dnf", "install", "-y", "nfs-utils").out().lines()
                .filter(l -> l.startsWith("  nfs-utils")).findFirst().orElseThrow().strip());
    }

    @Test
    void centos7YumPrintsWhatYumPrintsAndInstallsEl7Packages() throws Exception {
        Run r = run("centos7", "dnf", "install", "-y", "keepalived");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                Loaded plugins: fastestmirror
                Loading mirror speeds from cached hostfile
                Resolving Dependencies
                --> Running transaction check
                ---> Package keepalived.x86_64 0:1.3.5-19.el7 will be installed
                --> Finished Dependency Resolution

                Dependencies Resolved

                Installed:
                  keepalived.x86_64 0:1.3.5-19.el7

                Complete!
                """, r.out());
        assertEquals("keepalived-1.3.5-19.el7.x86_64", db("keepalived"));
        assertEquals(resource("keepalived.conf.1.3.5"), Files.readString(etc("keepalived/keepalived.conf")));
        assertFalse(Files.exists(etc("keepalived/keepalived.conf.sample")));
        Run again = run("centos7", "dnf", "install", "-y", "keepalived");
        assertTrue(again.out().contains("Package keepalived-1.3.5-19.el7.x86_64 already installed and latest version\n"
                + "Error: Nothing to do\n"), again.out());
        Run none = run("centos7", "dnf", "install", "-y", "nosuch");
        assertEquals(1, none.code());
        assertTrue(none.out().contains("No package nosuch available.\nError: Nothing to do\n"), none.out());
        run("centos7", "dnf", "install", "-y", "ipvsadm", "httpd", "nfs-utils");
        assertEquals("ipvsadm-1.27-8.el7.x86_64", db("ipvsadm"));
        assertEquals("httpd-2.4.6-99.el7.centos.1.x86_64", db("httpd"));
        assertEquals("nfs-utils-1.3.0-0.68.el7.2.x86_64", db("nfs-utils"));
        assertEquals("rpcbind-0.2.0-49.el7.x86_64", db("rpcbind"), "nfs-utils brings rpcbind");
    }

    @Test
    void centos7IpHasNoJsonAndOtherwiseRunsTheRealIp() throws Exception {
        Run j = run("centos7", "ip", "-j", "-4", "addr", "show");
        assertEquals(255, j.code());
        assertEquals("Option \"-j\" is unknown, try \"ip -help\".\n", j.err());
        assertEquals("", j.out());
        Run json = run("centos7", "ip", "-4", "-json", "addr");
        assertEquals("Option \"-json\" is unknown, try \"ip -help\".\n", json.err());
        Run text = run("centos7", "ip", "-o", "link", "show", "lo");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("1: lo: <LOOPBACK"), text.out());
    }

    @Test
    void centos7KeepalivedHasNoConfigTestAndIsVersion135() throws Exception {
        Run missing = run("centos7", "keepalived", "-v");
        assertEquals(127, missing.code());
        assertEquals("bash: keepalived: command not found\n", missing.err());
        run("centos7", "dnf", "install", "-y", "keepalived");
        Run t = run("centos7", "keepalived", "-t", "-f", "/etc/keepalived/keepalived.conf");
        assertEquals(0, t.code(), "1.3.5 exits 0 on an unknown option: it looks like a clean test");
        assertEquals("keepalived: invalid option -- 't'\n", t.err());
        assertEquals("", t.out());
        Run v = run("centos7", "keepalived", "-v");
        assertEquals(0, v.code());
        assertTrue(
                v.err().startsWith("Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2\n\n"
                        + "Copyright(C) 2001-2017 Alexandre Cassen, <acassen@gmail.com>\n\nBuild options:  PIPE2 "),
                v.err());
    }

    @Test
    void centos7LogsReadAsKeepalived135s() throws Exception {
        Files.createDirectories(etc("keepalived"));
        Files.writeString(etc("keepalived/keepalived.conf"), """
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth1
                }
                vrrp_instance VI_2 {
                    state BACKUP
                }
                """);
        // keepalived 2.2's console lines (-l), as the machine's daemon prints them
        String console = """
                Mon Dec  7 03:45:34 2026: Starting Keepalived v2.2.7 (01/16,2022)
                Mon Dec  7 03:45:34 2026: Starting VRRP child process, pid=4242
                Mon Dec  7 03:45:34 2026: (VI_1) Entering BACKUP STATE (init)
                Mon Dec  7 03:45:34 2026: (VI_2) Entering BACKUP STATE (init)
                Mon Dec  7 03:45:38 2026: (VI_1) Entering MASTER STATE
                Mon Dec  7 03:45:39 2026: (VI_1) sent 0 priority
                """;
        assertEquals(0, runWithInput("centos7", console, "keepalived-log").code());
        List<String> messages = Files.readAllLines(root.resolve("var/log/messages")).stream()
                .map(l -> l.replaceFirst("^\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ ", "")).toList();
        String parent = messages.get(0).substring(0, messages.get(0).indexOf(':'));
        assertTrue(parent.matches("Keepalived\\[\\d+\\]"), parent);
        assertEquals(List.of(parent + ": Starting Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2",
                parent + ": Starting VRRP child process, pid=4242",
                "Keepalived_vrrp[4242]: VRRP_Instance(VI_2) Entering BACKUP STATE",
                "Keepalived_vrrp[4242]: VRRP_Instance(VI_1) Transition to MASTER STATE",
                "Keepalived_vrrp[4242]: VRRP_Instance(VI_1) Entering MASTER STATE",
                "Keepalived_vrrp[4242]: VRRP_Instance(VI_1) sent 0 priority"), messages);
    }

    @Test
    void systemctlStatusIsSystemd219sOnCentos7And255sElsewhere() throws Exception {
        run("centos7", "dnf", "install", "-y", "httpd");
        Run c7 = run("centos7", "systemctl", "status", "httpd");
        assertEquals(3, c7.code());
        assertTrue(c7.out().startsWith("""
                ● httpd.service - The Apache HTTP Server
                   Loaded: loaded (/usr/lib/systemd/system/httpd.service; disabled; vendor preset: disabled)
                   Active: inactive (dead)

                """), c7.out());
        assertTrue(Files.isRegularFile(etc("httpd/conf/httpd.conf")), "the package's files, under the test's root");
        assertEquals(
                "Created symlink from /etc/systemd/system/multi-user.target.wants/httpd.service to "
                        + "/usr/lib/systemd/system/httpd.service.\n",
                run("centos7", "systemctl", "enable", "httpd").err());
        assertEquals("Removed symlink /etc/systemd/system/multi-user.target.wants/httpd.service.\n",
                run("centos7", "systemctl", "disable", "httpd").err());
        run("ubuntu", "apt-get", "install", "-y", "ipvsadm");
        Files.createDirectories(root.resolve("run/labtutor/state/rpmdb"));
        Files.writeString(root.resolve("run/labtutor/state/rpmdb/apache2"), "2.4.58-1ubuntu8.5\n");
        Run u = run("ubuntu", "systemctl", "status", "apache2");
        assertTrue(u.out().startsWith("""
                ● apache2.service - The Apache HTTP Server
                     Loaded: loaded (/usr/lib/systemd/system/apache2.service; disabled; preset: enabled)
                     Active: inactive (dead)

                """), u.out());
    }

    @Test
    void ubuntuHasItsOwnDpkgDatabaseAndAptGet() throws Exception {
        Run before = run("ubuntu", "dpkg-query", "-W", "-f=${Status} ${Version}\\n", "keepalived");
        assertEquals(1, before.code());
        assertEquals("dpkg-query: no packages found matching keepalived\n", before.err());
        Run apt = run("ubuntu", "apt-get", "install", "-y", "keepalived");
        assertEquals(0, apt.code(), apt.err());
        assertTrue(apt.out().contains("The following NEW packages will be installed:\n  ipvsadm keepalived\n"
                + "0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n"), apt.out());
        assertTrue(apt.out().contains("Setting up keepalived (1:2.2.8-1build2) ...\n"), apt.out());
        Run after = run("ubuntu", "dpkg-query", "-W", "-f=${Status} ${Version}\\n", "keepalived");
        assertEquals(0, after.code());
        assertEquals("install ok installed 1:2.2.8-1build2\n", after.out());
        assertTrue(Files.isDirectory(etc("keepalived")));
        try (var files = Files.list(etc("keepalived"))) {
            assertEquals(0, files.count(), "Ubuntu's keepalived package ships no keepalived.conf");
        }
        Run none = run("ubuntu", "apt-get", "install", "-y", "httpd");
        assertEquals(100, none.code());
        assertEquals("E: Unable to locate package httpd\n", none.err());
        Run nfs = run("ubuntu", "apt", "install", "-y", "nfs-kernel-server", "apache2");
        assertTrue(nfs.out().indexOf("Setting up rpcbind") < nfs.out().indexOf("Setting up nfs-kernel-server"),
                "dependencies are set up first, so nfs-server can start with rpcbind:\n" + nfs.out());
        assertEquals("nfs-kernel-server\t1:2.6.4-3ubuntu5.1\napache2\t2.4.58-1ubuntu8.5\n",
                run("ubuntu", "dpkg-query", "-W", "nfs-kernel-server", "apache2").out());
        assertEquals("1.3.0-1ubuntu1", db("rpcbind"), "nfs-kernel-server brings rpcbind");
    }

    @Test
    void ubuntuUnitsAreApache2SshUfwAndNfsKernelServer() throws Exception {
        assertEquals("Id=apache2.service\nLoadState=not-found\n",
                run("ubuntu", "systemctl", "show", "apache2", "-p", "Id,LoadState").out());
        run("ubuntu", "apt-get", "install", "-y", "apache2", "nfs-kernel-server");
        assertEquals("Id=apache2.service\nDescription=The Apache HTTP Server\nLoadState=loaded\n",
                run("ubuntu", "systemctl", "show", "apache2", "-p", "Id,Description,LoadState").out());
        assertEquals("Id=nfs-server.service\nLoadState=loaded\n",
                run("ubuntu", "systemctl", "show", "nfs-kernel-server", "-p", "Id,LoadState").out());
        assertEquals("not-found\n", run("ubuntu", "systemctl", "show", "httpd", "-p", "LoadState", "--value").out());
        assertEquals("not-found\n",
                run("ubuntu", "systemctl", "show", "firewalld", "-p", "LoadState", "--value").out());
        assertEquals("Id=ssh.service\n", run("ubuntu", "systemctl", "show", "sshd", "-p", "Id").out());
        Run restart = run("ubuntu", "systemctl", "restart", "httpd");
        assertEquals(5, restart.code());
        assertEquals("Failed to restart httpd.service: Unit httpd.service not found.\n", restart.err());
    }

    @Test
    void ufwStatusEnableAndDisableKeepUfwConf() throws Exception {
        Files.createDirectories(etc("ufw"));
        Files.writeString(etc("ufw/ufw.conf"), "# /etc/ufw/ufw.conf\nENABLED=no\nLOGLEVEL=low\n");
        assertEquals("Status: inactive\n", run("ubuntu", "ufw", "status").out());
        Run on = run("ubuntu", "ufw", "--force", "enable");
        assertEquals("Firewall is active and enabled on system startup\n", on.out());
        assertEquals("# /etc/ufw/ufw.conf\nENABLED=yes\nLOGLEVEL=low\n", Files.readString(etc("ufw/ufw.conf")));
        assertEquals("""
                Status: active

                To                         Action      From
                --                         ------      ----
                OpenSSH                    ALLOW       Anywhere                 \s
                OpenSSH (v6)               ALLOW       Anywhere (v6)            \s
                """, run("ubuntu", "ufw", "status").out());
        Run off = run("ubuntu", "ufw", "disable");
        assertEquals("Firewall stopped and disabled on system startup\n", off.out());
        assertEquals("# /etc/ufw/ufw.conf\nENABLED=no\nLOGLEVEL=low\n", Files.readString(etc("ufw/ufw.conf")));
        assertEquals("Status: inactive\n", run("ubuntu", "ufw", "status").out());
    }
}
