package dev.labtutor.cli;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.ssh.KnownHostsStore;
import dev.labtutor.ssh.SshOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor hosts list|forget}: the SSH host keys labtutor has recorded (accept-new), and the way out after a lab
 * VM was reinstalled and its key changed.
 */
@Command(name = "hosts", description = "Show or forget the SSH host keys labtutor has recorded.")
public final class HostsCommand implements Runnable {

    /** Maps a lab role (lb01, web01, ...) to {@code address} or {@code address:port} using a lab file. */
    @FunctionalInterface
    public interface RoleLookup {
        Optional<String> address(Optional<Path> labFile, String role);
    }

    private final RoleLookup roles;
    private final Path defaultKnownHosts;
    private final Lang lang;

    @Spec
    CommandSpec spec;

    /** Roles are looked up in {@code --lab}, else the lab file {@code check} would use. */
    public HostsCommand() {
        this(HostsCommand::fromLabFile);
    }

    static Optional<String> fromLabFile(Optional<Path> lab, String role) {
        Optional<Path> file = lab.or(LabOptions::firstCandidate);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return dev.labtutor.lab.LabFileReader.forCurrentUser().read(file.get(), new dev.labtutor.yaml.Problems())
                .flatMap(l -> l.host(role)).map(h -> h.port() == 22 ? h.address() : h.address() + ":" + h.port());
    }

    /** Roles resolved without regard to {@code --lab} (e.g. from an already loaded lab file). */
    public HostsCommand(Function<String, Optional<String>> roleToAddress) {
        this((lab, role) -> roleToAddress.apply(role));
    }

    public HostsCommand(RoleLookup roles) {
        this(roles, SshOptions.defaultKnownHosts(), Lang.fromEnvironment());
    }

    HostsCommand(RoleLookup roles, Path defaultKnownHosts, Lang lang) {
        this.roles = roles;
        this.defaultKnownHosts = defaultKnownHosts;
        this.lang = lang;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List recorded host keys with their SHA256 fingerprints.")
    int list(@Option(names = "--known-hosts", paramLabel = "FILE",
            description = "Known hosts file (default: ~/.config/labtutor/known_hosts).") Path file) {
        KnownHostsStore store = new KnownHostsStore(file != null ? file : defaultKnownHosts);
        List<KnownHostsStore.Entry> entries = guard(store::list);
        PrintWriter out = spec.commandLine().getOut();
        if (entries.isEmpty()) {
            out.println(
                    Text.of("尚未记录任何主机密钥（" + store.file() + "）。", "No host keys recorded yet (" + store.file() + ").")
                            .in(lang));
        } else {
            int width = entries.stream().mapToInt(e -> e.hosts().length()).max().orElse(0);
            int typeWidth = entries.stream().mapToInt(e -> e.keyType().length()).max().orElse(0);
            for (KnownHostsStore.Entry e : entries) {
                out.printf("%-" + width + "s  %-" + typeWidth + "s  %s%n", e.hosts(), e.keyType(), e.fingerprint());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Forget the host key of a lab host, e.g. after reinstalling the VM.")
    int forget(
            @Parameters(paramLabel = "HOST",
                    description = "A role from the lab file, an address, address:port or [address]:port.") String host,
            @Option(names = "--known-hosts", paramLabel = "FILE",
                    description = "Known hosts file (default: ~/.config/labtutor/known_hosts).") Path file,
            @Option(names = "--lab", paramLabel = "FILE", description = "Lab file that names the roles.") Path lab) {
        KnownHostsStore store = new KnownHostsStore(file != null ? file : defaultKnownHosts);
        Optional<String> resolved = roles.address(Optional.ofNullable(lab), host);
        String target = resolved.orElse(host);
        String shown = resolved.isPresent() ? host + " (" + target + ")" : host;
        int removed;
        try {
            removed = guard(() -> store.forget(target));
        } catch (IllegalArgumentException e) {
            throw new UserError(Text
                    .of("“" + host + "” 既不是实验文件中的角色，也不是地址或 地址:端口。",
                            "'" + host + "' is neither a role of the lab file nor an address or address:port.")
                    .in(lang));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (removed == 0) {
            out.println(Text.of("没有 " + shown + " 的主机密钥记录（" + store.file() + "）。",
                    "No host key recorded for " + shown + " (" + store.file() + ").").in(lang));
        } else {
            out.println(Text.of("已删除 " + shown + " 的 " + removed + " 条主机密钥记录；下次连接时会记录新密钥。",
                    "Forgot " + removed + " host key" + (removed == 1 ? "" : "s") + " for " + shown
                            + "; the next connection records the new key.")
                    .in(lang));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private <T> T guard(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
