package dev.labtutor.keepalived;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads keepalived.conf the way keepalived 2.2.7 does (or 1.3.5, CentOS 7's, when {@link ParseOptions#rules} says so)
 * and returns the effective model plus diagnostics. Never throws: anything wrong with the input becomes a diagnostic.
 */
public final class KeepalivedParser {

    private KeepalivedParser() {
    }

    public static ParseResult parse(Source main, IncludeResolver includes, ParseOptions options) {
        IncludeResolver inc = includes == null ? IncludeResolver.none() : includes;
        ParseOptions opts = options == null ? ParseOptions.defaults() : options;
        try {
            return new ConfigParser(main, inc, opts).run();
        } catch (RuntimeException | StackOverflowError e) {
            List<Diagnostic> d = new ArrayList<>();
            d.add(new Diagnostic(main == null ? "?" : main.path(), 0, "parser-internal", Severity.ERROR,
                    dev.labtutor.i18n.Text.of("labtutor 无法读完这个文件（内部错误：" + e + "）。",
                            "labtutor could not finish reading this file (internal error: " + e + ").")));
            return new ParseResult(
                    new KeepalivedConfig(GlobalDefs.absent(), List.of(), List.of(), List.of(), List.of()), d);
        }
    }

    /** Parses text alone, without includes and with default options. */
    public static ParseResult parse(String path, String text) {
        return parse(new Source(path, text), IncludeResolver.none(), ParseOptions.defaults());
    }
}
