package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EXPORTS and SHOWMOUNT. {@code exportfs -v} prints {@code PATH <tab>CLIENT(OPTIONS)} per client, or, when the path is
 * long, the path alone and the client on the next, indented line; /etc/exports lines are {@code PATH CLIENT[(OPTIONS)]
 * ...} with {@code #} comments and backslash continuations; {@code showmount -e} prints "Export list for SERVER:" and
 * then {@code PATH CLIENT,CLIENT}.
 */
final class NfsParser {

    private NfsParser() {
    }

    static NfsExports exports(ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        boolean installed = Lines.hasLine(text, "labtutor:exportfs");
        if (!installed && !Lines.hasLine(text, "labtutor:exportfs-missing")) {
            throw new Unparseable("exports probe printed no exportfs tag: " + Lines.firstNonBlank(out.stderr()));
        }
        boolean nfsd = Lines.tagValue(text, "labtutor:nfsd").map(v -> v.trim().equals("yes"))
                .orElseThrow(() -> new Unparseable("exports probe printed no nfsd line"));
        List<String> lines = Lines.of(text);
        List<NfsExports.Export> active = new ArrayList<>();
        Optional<String> error = Optional.empty();
        List<NfsExports.Export> configured = new ArrayList<>();
        if (installed) {
            int a = lines.indexOf("labtutor:exportfs");
            int b = a + 1;
            while (b < lines.size() && !lines.get(b).startsWith("labtutor:exportfs-rc")) {
                b++;
            }
            String rc = b < lines.size() ? lines.get(b).substring("labtutor:exportfs-rc".length()).trim() : "";
            List<String> body = lines.subList(a + 1, b);
            if (!rc.equals("0")) {
                error = Optional
                        .of(body.stream().filter(l -> !l.isBlank()).findFirst().orElse("exportfs -v exited " + rc));
            } else {
                active.addAll(exportfsV(body));
            }
        }
        String file = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("labtutor:exports-file ")) {
                if (file != null) {
                    configured.addAll(exportsFile(file, content.toString()));
                }
                file = line.substring("labtutor:exports-file ".length()).trim();
                content.setLength(0);
            } else if (file != null && !line.startsWith("labtutor:")) {
                content.append(line).append('\n');
            }
        }
        if (file != null) {
            configured.addAll(exportsFile(file, content.toString()));
        }
        return new NfsExports(installed, error, nfsd, active, configured);
    }

    static List<NfsExports.Export> exportfsV(List<String> lines) {
        List<NfsExports.Export> out = new ArrayList<>();
        String path = null;
        for (String raw : lines) {
            if (raw.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(raw.charAt(0))) {
                String[] f = raw.trim().split("\\s+", 2);
                path = f[0];
                if (f.length > 1) {
                    add(out, path, client(f[1].trim()));
                    path = null;
                }
            } else if (path != null) {
                add(out, path, client(raw.trim()));
                path = null;
            }
        }
        return out;
    }

    private static void add(List<NfsExports.Export> out, String path, NfsExports.Client c) {
        for (int i = 0; i < out.size(); i++) {
            NfsExports.Export e = out.get(i);
            if (e.path().equals(path)) {
                List<NfsExports.Client> cs = new ArrayList<>(e.clients());
                cs.add(c);
                out.set(i, new NfsExports.Export(path, cs, e.file(), e.line()));
                return;
            }
        }
        out.add(new NfsExports.Export(path, List.of(c), "", 0));
    }

    private static NfsExports.Client client(String s) {
        int p = s.indexOf('(');
        if (p < 0) {
            return new NfsExports.Client(s, "");
        }
        return new NfsExports.Client(s.substring(0, p),
                s.substring(p + 1, s.endsWith(")") ? s.length() - 1 : s.length()));
    }

    static List<NfsExports.Export> exportsFile(String file, String content) {
        List<NfsExports.Export> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            if (logical.length() == 0) {
                start = i + 1;
            }
            if (l.endsWith("\\")) {
                logical.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            logical.append(l);
            String entry = logical.toString().trim();
            logical.setLength(0);
            if (entry.isEmpty()) {
                continue;
            }
            String path;
            String rest;
            if (entry.startsWith("\"")) {
                int close = entry.indexOf('"', 1);
                path = close > 0 ? entry.substring(1, close) : entry.substring(1);
                rest = close > 0 ? entry.substring(close + 1) : "";
            } else {
                String[] f = entry.split("\\s+", 2);
                path = f[0];
                rest = f.length > 1 ? f[1] : "";
            }
            List<NfsExports.Client> clients = new ArrayList<>();
            for (String w : rest.trim().split("\\s+")) {
                if (!w.isEmpty() && !w.startsWith("-")) {
                    clients.add(client(w));
                }
            }
            if (clients.isEmpty()) {
                clients.add(new NfsExports.Client("*", ""));
            }
            out.add(new NfsExports.Export(path, clients, file, start));
        }
        return out;
    }

    static ExportList showmount(String server, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        if (Lines.hasLine(text, "labtutor:showmount-missing")) {
            return new ExportList(server, false, Optional.empty(), List.of());
        }
        String rc = Lines.tagValue(text, "labtutor:showmount-rc")
                .orElseThrow(() -> new Unparseable("showmount probe printed no exit status"));
        List<String> body = Lines.of(text).stream().filter(l -> !l.startsWith("labtutor:")).toList();
        if (!rc.trim().equals("0")) {
            return new ExportList(server, true, Optional
                    .of(body.stream().filter(l -> !l.isBlank()).findFirst().orElse("showmount exited " + rc.trim())),
                    List.of());
        }
        List<NfsExports.Export> exports = new ArrayList<>();
        for (String l : body) {
            if (l.isBlank() || l.startsWith("Export list for")) {
                continue;
            }
            String[] f = l.trim().split("\\s+", 2);
            List<NfsExports.Client> clients = new ArrayList<>();
            if (f.length > 1) {
                for (String c : f[1].trim().split(",")) {
                    clients.add(new NfsExports.Client(c.trim(), ""));
                }
            }
            exports.add(new NfsExports.Export(f[0], clients, "", 0));
        }
        return new ExportList(server, true, Optional.empty(), exports);
    }
}
