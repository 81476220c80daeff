package dev.labtutor.cli;

import dev.labtutor.i18n.Lang;
import dev.labtutor.keepalived.Finding;
import dev.labtutor.keepalived.GroupConsistency;
import dev.labtutor.keepalived.IncludeResolver;
import dev.labtutor.keepalived.KeepalivedConfig;
import dev.labtutor.keepalived.KeepalivedParser;
import dev.labtutor.keepalived.KeepalivedRules;
import dev.labtutor.keepalived.ParseOptions;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Severity;
import dev.labtutor.keepalived.Source;
import dev.labtutor.view.KeepalivedReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor keepalived check FILE...}: reads each file as keepalived 2.2.7 would (or 1.3.5, with
 * {@code --keepalived-version 1.3.5}) and prints its diagnostics; with
 * two or more files also the cross-host findings, each file standing for the host named by the file name without
 * extension. Exit 0 when there is no error (warnings allowed), 1 with errors, 2 when a file cannot be read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check keepalived.conf files like keepalived 2.2.7 -t, plus tutor warnings and cross-host consistency.")
public final class KeepalivedCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "keepalived.conf files (one per host).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Option(names = "--lang", description = "zh or en (default from LANG).")
    String lang;

    @Option(names = "--keepalived-version", paramLabel = "VERSION", defaultValue = "2.2",
            description = "Whose grammar to apply: 2.2 (default; openEuler, Rocky/Alma 9, Debian/Ubuntu) or 1.3.5 "
                    + "(CentOS 7, which has no keepalived -t). Any 1.x reads as 1.3.5, anything newer as 2.2.")
    String keepalivedVersion;

    @Option(names = "--id", paramLabel = "CONFIG_ID",
            description = "Config id for @ID lines, as keepalived -i (default: this host's name).")
    String id;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("unknown --format '" + format + "' (use text or json)");
        }
        Lang l;
        try {
            l = lang != null ? Lang.parse(lang) : Lang.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                texts.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new UserError("cannot read " + f + ": " + e.getMessage() + " (check the path and permissions)",
                        ExitCodes.BAD_INPUT);
            }
        }
        KeepalivedRules rules = KeepalivedRules.forVersion(keepalivedVersion).orElseThrow(
                () -> new UserError("unknown --keepalived-version '" + keepalivedVersion + "' (use 2.2 or 1.3.5)"));
        ParseOptions opts = ParseOptions.defaults().withConfigId(id != null ? id : localHostName()).withRules(rules);
        Map<String, ParseResult> results = new LinkedHashMap<>();
        Map<String, KeepalivedConfig> byHost = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            ParseResult r =
                    KeepalivedParser.parse(new Source(e.getKey(), e.getValue()), IncludeResolver.filesystem(), opts);
            results.put(e.getKey(), r);
            byHost.put(KeepalivedReport.hostName(e.getKey()), r.config());
        }
        List<Finding> findings = files.size() >= 2 ? GroupConsistency.check(byHost) : List.of();
        boolean errors = results.values().stream().anyMatch(ParseResult::hasErrors)
                || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(KeepalivedReport.json(results, findings, l, errors, rules));
        } else {
            KeepalivedReport.text(out, results, findings, l);
            if (rules != KeepalivedRules.V2_2) {
                out.println(l == Lang.ZH ? rules.zh() + "检查（keepalived " + rules.version() + " 没有 -t，不能自己检查配置）。"
                        : "Read by " + rules.en() + " (keepalived " + rules.version()
                                + " has no -t to test its own configuration).");
            }
        }
        out.flush();
        return ExitCodes.passed(!errors);
    }

    private static String localHostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            int dot = h.indexOf('.');
            return dot > 0 ? h.substring(0, dot) : h;
        } catch (IOException | RuntimeException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
        }
    }
}
