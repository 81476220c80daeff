package dev.labtutor.check;

import dev.labtutor.check.fact.CommandOutput;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Escape hatch: a course-defined command's exit code and output. */
public record CommandCheck(String run, Optional<Integer> exit, Optional<String> contains) implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.COMMAND, run);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        CommandOutput o = PerHostPrimitive.fact(host, probe(), CommandOutput.class);
        String r = host.role();
        String out = o.stdout().strip();
        List<Evidence> ev = List.of(new Evidence(r, "`" + run + "` exit " + o.exitCode()
                + (out.isEmpty() ? "" : ": " + (out.length() > 200 ? out.substring(0, 200) + "…" : out))));
        if (exit.isPresent() && exit.get() != o.exitCode()) {
            return Outcome.fail("exit-code", Text.of(r + " 上 `" + run + "` 的退出码为 " + o.exitCode() + "，应为 " + exit.get(),
                    r + ": `" + run + "` exited " + o.exitCode() + ", expected " + exit.get()), ev);
        }
        if (contains.isPresent() && !o.stdout().contains(contains.get())) {
            return Outcome.fail("no-match", Text.of(r + " 上 `" + run + "` 的输出中没有 “" + contains.get() + "”",
                    r + ": output of `" + run + "` lacks \"" + contains.get() + "\""), ev);
        }
        return Outcome.pass(Text.of(r + " 上 `" + run + "` 结果正确", r + ": `" + run + "` is as expected"), ev);
    }
}
