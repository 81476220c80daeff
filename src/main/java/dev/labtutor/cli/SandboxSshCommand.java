package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code labtutor sandbox ssh HOST [COMMAND...]}: a root shell on a sandbox host; exits as the shell or command does.
 */
@Command(name = "ssh", description = "Open a root shell on a sandbox host (system ssh client with the sandbox key).")
public final class SandboxSshCommand extends RunningSandboxCommand {

    @Parameters(index = "0", paramLabel = "HOST", description = "lb01, lb02, web01, web02 or nfs-server.")
    String host;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command to run instead of a shell.")
    List<String> command = new ArrayList<>();

    @Override
    int call(Sandbox sandbox, PrintWriter out) throws InterruptedException {
        SandboxRole role = SandboxWhere.role(host);
        List<String> argv = new ArrayList<>();
        Optional<Path> ssh = Arrays.stream(new String[]{"/usr/bin/ssh", "/bin/ssh", "/usr/local/bin/ssh"}).map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (ssh.isPresent()) {
            argv.addAll(List.of(ssh.get().toString(), "-i", sandbox.privateKey().toString(), "-o", "IdentitiesOnly=yes",
                    "-o", "UserKnownHostsFile=" + sandbox.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null", "-o",
                    "StrictHostKeyChecking=yes", "root@" + sandbox.host(role).address()));
            argv.addAll(command);
        } else {
            argv.addAll(sandbox.nsenter(role));
            argv.addAll(command.isEmpty() ? List.of("bash", "-l") : command);
        }
        try {
            return ExitCodes.ofProcess(new ProcessBuilder(argv).inheritIO().start().waitFor());
        } catch (IOException e) {
            throw new UserError("cannot run " + argv.get(0) + ": " + e.getMessage());
        }
    }
}
