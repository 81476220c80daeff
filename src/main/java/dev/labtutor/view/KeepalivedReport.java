package dev.labtutor.view;

import dev.labtutor.i18n.Lang;
import dev.labtutor.keepalived.Diagnostic;
import dev.labtutor.keepalived.Finding;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code labtutor keepalived check} prints: each file's diagnostics and the cross-host findings, as text with a
 * count, or as JSON.
 */
public final class KeepalivedReport {

    private KeepalivedReport() {
    }

    public static void text(PrintWriter out, Map<String, ParseResult> results, List<Finding> findings, Lang l) {
        int e = 0;
        int w = 0;
        for (ParseResult r : results.values()) {
            for (Diagnostic d : r.diagnostics()) {
                out.println(d.format(l));
                e += d.severity() == Severity.ERROR ? 1 : 0;
                w += d.severity() == Severity.WARNING ? 1 : 0;
            }
        }
        for (Finding f : findings) {
            out.println(f.format(l));
            e += f.severity() == Severity.ERROR ? 1 : 0;
            w += f.severity() == Severity.WARNING ? 1 : 0;
        }
        out.println(l == Lang.ZH ? "检查了 " + results.size() + " 个文件：" + e + " 个错误，" + w + " 个警告。"
                : results.size() + " file(s) checked: " + e + " error(s), " + w + " warning(s).");
    }

    /** The report as JSON; {@code rules} names the keepalived version whose grammar applied. */
    public static String json(Map<String, ParseResult> results, List<Finding> findings, Lang l, boolean errors,
            dev.labtutor.keepalived.KeepalivedRules rules) {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("ok", !errors);
        List<Object> files = new java.util.ArrayList<>();
        for (Map.Entry<String, ParseResult> e : results.entrySet()) {
            Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("file", e.getKey());
            f.put("host", hostName(e.getKey()));
            List<Object> diags = new java.util.ArrayList<>();
            for (Diagnostic d : e.getValue().diagnostics()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("file", d.file());
                m.put("line", d.line());
                m.put("code", d.code());
                m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
                m.put("message", d.text().in(l));
                diags.add(m);
            }
            f.put("diagnostics", diags);
            files.add(f);
        }
        root.put("files", files);
        List<Object> fs = new java.util.ArrayList<>();
        for (Finding x : findings) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("code", x.code());
            m.put("severity", x.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("hostA", x.hostA());
            m.put("fileA", x.fileA());
            m.put("lineA", x.lineA());
            m.put("hostB", x.hostB());
            m.put("fileB", x.fileB());
            m.put("lineB", x.lineB());
            m.put("message", x.text().in(l));
            fs.add(m);
        }
        root.put("findings", fs);
        root.put("rules", rules.version());
        return dev.labtutor.yaml.JsonWriter.compact(root);
    }

    /** lb1.conf -> lb1: the host a file stands for in group checks. */
    public static String hostName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
