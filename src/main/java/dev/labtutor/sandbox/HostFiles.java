package dev.labtutor.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The directory of one sandbox host under the state dir, and the files a fresh openEuler host has that this machine may
 * lack. {@code etc/} is the overlay upper layer over the machine's /etc, so everything the learner changes there lands
 * here and nowhere else; {@code root/} is the host's own /root (not an overlay: the machine's root dotfiles would
 * change PATH in the sessions).
 */
final class HostFiles {

    private final SandboxSpec spec;
    private final SandboxRole role;
    private final Path dir;

    HostFiles(SandboxSpec spec, SandboxRole role) {
        this.spec = spec;
        this.role = role;
        this.dir = spec.stateDir().resolve("hosts").resolve(role.id());
    }

    Path dir() {
        return dir;
    }

    Path hostKey() {
        return dir.resolve("ssh/ssh_host_ed25519_key");
    }

    /** This host's /var/log (bind-mounted), readable from the root namespace. */
    Path logDir() {
        return dir.resolve("log");
    }

    /** Creates the layout and the files of a fresh host; the host key is generated separately. */
    void create(String authorizedKey) {
        try {
            for (String d : new String[]{"etc/sysconfig", "root", ".work/etc", "www", "log", "ssh", "state"}) {
                Files.createDirectories(dir.resolve(d));
            }
            write("etc/hostname", role.id() + "\n");
            write("etc/hosts", hosts());
            if (spec.flavour() == SandboxFlavour.UBUNTU) {
                writeUfwConf();
            } else {
                writeSelinuxConfig();
            }
            write("etc/sysctl.conf", """
                    # sysctl settings are defined through files in
                    # /usr/lib/sysctl.d/, /run/sysctl.d/, and /etc/sysctl.d/.
                    #
                    # Vendors settings live in /usr/lib/sysctl.d/.
                    # To override a whole file, create a new file with the same in
                    # /etc/sysctl.d/ and put new settings there. To override
                    # only specific settings, add a file with a lexically later
                    # name in /etc/sysctl.d/ and put new settings there.
                    #
                    # For more information, see sysctl.conf(5) and sysctl.d(5).
                    """);
            write("etc/os-release", osRelease(spec.flavour()));
            write("ssh/sshd_config", sshdConfig());
            write("ssh/authorized_keys", authorizedKey.strip() + "\n");
            write("root/.bash_profile", """
                    # .bash_profile

                    # Get the aliases and functions
                    if [ -f ~/.bashrc ]; then
                    	. ~/.bashrc
                    fi
                    """);
            write("root/.bashrc", """
                    # .bashrc

                    # User specific aliases and functions

                    alias rm='rm -i'
                    alias cp='cp -i'
                    alias mv='mv -i'

                    # Source global definitions
                    if [ -f /etc/bashrc ]; then
                    	. /etc/bashrc
                    fi
                    PS1='[\\u@\\h \\W]\\$ '
                    """);
            write("log/messages", "");
            write("log/secure", "");
            Files.setPosixFilePermissions(dir.resolve("root"), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SELinux enforcing, as on a fresh openEuler, Rocky or CentOS host (AppArmor hosts have no /etc/selinux). */
    private void writeSelinuxConfig() throws IOException {
        Files.createDirectories(dir.resolve("etc/selinux"));
        write("etc/selinux/config", """
                # This file controls the state of SELinux on the system.
                # SELINUX= can take one of these three values:
                #     enforcing - SELinux security policy is enforced.
                #     permissive - SELinux prints warnings instead of enforcing.
                #     disabled - No SELinux policy is loaded.
                SELINUX=enforcing
                # SELINUXTYPE= can take one of these three values:
                #     targeted - Targeted processes are protected,
                #     minimum - Modification of targeted policy. Only selected processes are protected.
                #     mls - Multi Level Security protection.
                SELINUXTYPE=targeted

                """);
        // On openEuler /etc/sysconfig/selinux is a symlink; `sed -i` replaces it with a plain file.
        Path link = dir.resolve("etc/sysconfig/selinux");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("../selinux/config"));
    }

    /**
     * Ubuntu's /etc/ufw/ufw.conf (package ufw 0.36.2), with the firewall on at boot as a teacher's lab image has it:
     * the course's firewall step turns it off.
     */
    private void writeUfwConf() throws IOException {
        Files.createDirectories(dir.resolve("etc/ufw"));
        write("etc/ufw/ufw.conf", """
                # /etc/ufw/ufw.conf
                #

                # Set to yes to start on boot. If setting this remotely, be sure to add a rule
                # to allow your ssh connection before starting ufw. Default is no.
                ENABLED=yes

                # Please use the 'ufw' command to set the loglevel. Eg: 'ufw logging medium'.
                # See 'man ufw' for details.
                LOGLEVEL=low
                """);
    }

    /** The flavour's /etc/os-release, a real one (sources in the sandbox resources' README). */
    static String osRelease(SandboxFlavour flavour) {
        try (InputStream in =
                HostFiles.class.getResourceAsStream("/dev/labtutor/sandbox/os-release/" + flavour.word())) {
            if (in == null) {
                throw new IllegalStateException("missing resource os-release/" + flavour.word());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hosts() {
        StringBuilder sb = new StringBuilder(
                "127.0.0.1   localhost localhost.localdomain\n" + "::1         localhost localhost.localdomain\n");
        for (SandboxRole r : spec.roles()) {
            sb.append(spec.address(r)).append(' ').append(r.id()).append('\n');
        }
        return sb.toString();
    }

    private String sshdConfig() {
        return """
                # labtutor sandbox host %1$s: a real sshd, key login for root only.
                Port 22
                ListenAddress %2$s
                AddressFamily inet
                HostKey /run/labtutor/ssh/ssh_host_ed25519_key
                PidFile /run/sshd.pid
                PermitRootLogin prohibit-password
                PubkeyAuthentication yes
                AuthorizedKeysFile /run/labtutor/ssh/authorized_keys
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                UseDNS no
                PrintMotd no
                PrintLastLog no
                X11Forwarding no
                MaxSessions 20
                MaxStartups 50:30:100
                AcceptEnv LANG LC_*
                Subsystem sftp internal-sftp
                """.formatted(role.id(), spec.address(role));
    }

    private void write(String relative, String content) throws IOException {
        Files.writeString(dir.resolve(relative), content, StandardCharsets.UTF_8);
    }
}
