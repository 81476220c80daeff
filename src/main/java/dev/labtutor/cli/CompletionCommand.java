package dev.labtutor.cli;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor completion bash|zsh}: prints a completion script for the whole command tree (picocli's generator),
 * with the installed course's lesson ids for every LESSON parameter, its roles for HOST and ROLE parameters and
 * {@code --hosts}, and the fixed values of {@code --lang} and {@code --format}. zsh loads the same script through
 * {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: eval \"$(labtutor completion bash)\" in ~/.bashrc, "
                + "or labtutor completion zsh > \"$${fpath[1]}/_labtutor\".")
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UserError("completion is available for bash and zsh, not '" + shell + "'");
        }
        List<String> lessons = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        try {
            Course course = new CourseOptions().loadCourse(Installation.locate());
            course.lessons().stream().map(Lesson::id).forEach(lessons::add);
            roles.addAll(course.roles().keySet());
        } catch (UserError e) {
            // no course here: the script still completes commands and options
        }
        CommandLine tree = Main.commandLine();
        withCandidates(tree, lessons, roles);
        String script = AutoComplete.bash("labtutor", tree);
        var out = spec.commandLine().getOut();
        if (shell.equals("zsh")) {
            out.print("#compdef labtutor\n# labtutor completion for zsh (the bash script through bashcompinit)\n"
                    + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n");
        }
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }

    /** Gives LESSON, HOST and ROLE parameters and a few options their values, in the whole tree. */
    static void withCandidates(CommandLine cl, List<String> lessons, List<String> roles) {
        CommandSpec s = cl.getCommandSpec();
        for (PositionalParamSpec p : List.copyOf(s.positionalParameters())) {
            List<String> values = switch (p.paramLabel()) {
                case "LESSON" -> lessons;
                case "HOST", "ROLE" -> roles;
                default -> null;
            };
            if (values != null && !values.isEmpty()) {
                replace(s, p, PositionalParamSpec.builder(p).completionCandidates(values).build());
            }
        }
        for (OptionSpec o : List.copyOf(s.options())) {
            List<String> values = switch (o.longestName()) {
                case "--lang" -> List.of("zh", "en");
                case "--format" -> List.of("text", "json");
                case "--hosts" -> roles;
                default -> null;
            };
            if (values != null && !values.isEmpty()) {
                replace(s, o, OptionSpec.builder(o).completionCandidates(values).build());
            }
        }
        cl.getSubcommands().values().forEach(sub -> withCandidates(sub, lessons, roles));
    }

    private static void replace(CommandSpec s, ArgSpec old, ArgSpec now) {
        s.remove(old);
        if (now instanceof OptionSpec o) {
            s.addOption(o);
        } else {
            s.addPositional((PositionalParamSpec) now);
        }
    }
}
