package dev.labtutor.cli;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxPreflight;
import dev.labtutor.sandbox.SandboxRole;
import dev.labtutor.sandbox.SandboxSpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which sandbox a {@code sandbox} verb acts on: {@code --name} and {@code --state-dir}. */
public final class SandboxWhere {

    @Option(names = "--name", defaultValue = SandboxSpec.DEFAULT_NAME,
            description = "Sandbox name (a-z, 0-9, at most 10; default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--state-dir",
            description = "Parent directory of sandbox state (default: /var/lib/labtutor/sandbox for root).")
    Path stateRoot;

    /** The sandbox named {@code name} under {@code stateRoot} (the default state directory when null). */
    static SandboxWhere of(String name, Path stateRoot) {
        SandboxWhere where = new SandboxWhere();
        where.name = name;
        where.stateRoot = stateRoot;
        return where;
    }

    SandboxSpec spec() {
        try {
            return SandboxSpec.defaults().withName(name)
                    .withStateRoot(stateRoot != null ? stateRoot : SandboxSpec.defaultStateRoot());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The running sandbox this names, or a UserError that says how to start it. */
    Sandbox openRunning() {
        preflight();
        SandboxSpec spec = spec();
        return Sandbox.open(spec.stateDir())
                .orElseThrow(() -> userError(Text.of(
                        "沙箱 " + spec.name() + " 没有运行；请先运行：sudo labtutor sandbox up" + spec.whereOptions(),
                        "Sandbox " + spec.name() + " is not up; run: sudo labtutor sandbox up" + spec.whereOptions())));
    }

    /** Refuses, in one sentence, when this machine cannot run a sandbox (not root, no ip, ...). */
    static void preflight() {
        SandboxPreflight.problem().ifPresent(p -> {
            throw userError(p);
        });
    }

    static SandboxRole role(String s) {
        try {
            return SandboxRole.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static UserError userError(Text text) {
        return new UserError(text.in(Lang.fromEnvironment()), ExitCodes.BAD_INPUT);
    }
}
