package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code sandbox} verb that acts on a running sandbox: {@code status}, {@code ssh}, {@code reset}, {@code break}. */
abstract class RunningSandboxCommand implements Callable<Integer> {

    @Mixin
    SandboxWhere where;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return call(where.openRunning(), spec.commandLine().getOut());
    }

    /** Acts on {@code sandbox}; returns the exit code. */
    abstract int call(Sandbox sandbox, PrintWriter out) throws Exception;
}
