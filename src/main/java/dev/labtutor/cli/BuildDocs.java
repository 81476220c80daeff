package dev.labtutor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Run by the build ({@code mvn package}): writes a roff man page per command from picocli's model of the command tree
 * ({@code man/man1/labtutor.1}, {@code labtutor-check.1}, ...) and the bash and zsh completion scripts
 * ({@code completion/labtutor.bash}, {@code completion/_labtutor}). Usage: {@code BuildDocs OUTPUT_DIR VERSION}.
 */
final class BuildDocs {

    private BuildDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args.length > 1 ? args[1] : "";
        Path man = Files.createDirectories(out.resolve("man/man1"));
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine cl : all) {
            Files.writeString(man.resolve(pageName(cl) + ".1"), page(cl, version, all), StandardCharsets.UTF_8);
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        for (String shell : List.of("bash", "zsh")) {
            java.io.StringWriter text = new java.io.StringWriter();
            int code =
                    Main.run(new java.io.PrintWriter(text), new java.io.PrintWriter(System.err), "completion", shell);
            if (code != 0) {
                throw new IllegalStateException("completion " + shell + " exited " + code);
            }
            Files.writeString(completion.resolve(shell.equals("bash") ? "labtutor.bash" : "_labtutor"), text.toString(),
                    StandardCharsets.UTF_8);
        }
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        if (!cl.getCommandSpec().usageMessage().hidden()) {
            out.add(cl);
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    static String pageName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName("-");
    }

    static String page(CommandLine cl, String version, List<CommandLine> all) {
        CommandSpec spec = cl.getCommandSpec();
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        String name = pageName(cl);
        String description = String.join(" ", spec.usageMessage().description());
        StringBuilder sb = new StringBuilder();
        sb.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"labtutor ").append(version)
                .append("\" \"labtutor manual\"\n");
        sb.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(firstSentence(description))).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n").append(esc(help.synopsis(0).strip())).append("\n.fi\n");
        if (!description.isBlank()) {
            sb.append(".SH DESCRIPTION\n").append(esc(description)).append('\n');
        }
        List<PositionalParamSpec> params = spec.positionalParameters();
        if (!params.isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                        .append(esc(String.join(" ", p.description()))).append('\n');
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                sb.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
                if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
                    sb.append('\n');
                } else {
                    sb.append("=\\fI").append(esc(o.paramLabel())).append("\\fR\n");
                }
                sb.append(esc(String.join(" ", o.description()))).append('\n');
            }
        }
        if (!cl.getSubcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            cl.getSubcommands().forEach((sub, c) -> {
                if (!c.getCommandSpec().usageMessage().hidden()) {
                    sb.append(".TP\n\\fB").append(esc(sub)).append("\\fR\n")
                            .append(esc(
                                    firstSentence(String.join(" ", c.getCommandSpec().usageMessage().description()))))
                            .append(" See \\fB").append(esc(pageName(c))).append("\\fR(1).\n");
                }
            });
        }
        if (cl.getParent() != null) {
            sb.append(".SH SEE ALSO\n\\fB").append(esc(pageName(cl.getParent()))).append("\\fR(1)\n");
        }
        return sb.toString();
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        String t = dot < 0 ? s : s.substring(0, dot + 1);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** Escapes text for roff: backslashes, minus signs, and a leading dot or quote. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.replace("\\", "\\e").replace("-", "\\-").split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                sb.append("\\&");
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
