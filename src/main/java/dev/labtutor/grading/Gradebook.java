package dev.labtutor.grading;

import dev.labtutor.i18n.Lang;
import dev.labtutor.io.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a round's gradebook into a directory: {@code grades.csv} (UTF-8 with BOM), {@code results.json},
 * {@code junit.xml}, {@code report.html}, {@code evidence/<student>/<role>.txt} and {@code SHA256SUMS} over all of them
 * ({@code sha256sum -c SHA256SUMS} verifies it). The files are written next to the target first and then moved into
 * place, so the directory holds one complete round at any time (what {@code grade --watch} relies on when rewriting
 * it).
 */
public final class Gradebook {

    public static final String CSV = "grades.csv";
    public static final String JSON = "results.json";
    public static final String JUNIT = "junit.xml";
    public static final String HTML = "report.html";
    public static final String SUMS = "SHA256SUMS";
    public static final String EVIDENCE = "evidence";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Gradebook() {
    }

    /** Where a host's evidence is, relative to the gradebook directory. */
    public static String evidencePath(StudentGrade s, HostRecord h) {
        return EVIDENCE + "/" + s.student().id() + "/" + h.evidenceName();
    }

    /** True when {@code dir} may be written: it does not exist, is empty, or holds a gradebook. */
    public static boolean writable(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve(JSON)) && Files.isRegularFile(dir.resolve(SUMS))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(ClassGrades g, Path dir, Lang lang) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
        try {
            fill(g, tmp, lang);
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old);
                Files.move(tmp, target);
                FileTree.delete(old);
            } else {
                Files.move(tmp, target);
            }
        } finally {
            if (Files.exists(tmp)) {
                FileTree.delete(tmp);
            }
        }
    }

    private static void fill(ClassGrades g, Path dir, Lang lang) throws IOException {
        byte[] csv = GradesCsv.render(g, lang).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + csv.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(csv, 0, withBom, BOM.length, csv.length);
        Files.write(dir.resolve(CSV), withBom);
        Files.writeString(dir.resolve(JSON), ResultsJson.render(g, lang) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JUNIT), JunitXml.render(g, lang), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), HtmlReport.render(g, lang), StandardCharsets.UTF_8);
        for (StudentGrade s : g.students()) {
            Path folder = Files.createDirectories(dir.resolve(EVIDENCE).resolve(s.student().id()));
            for (HostRecord h : s.hosts()) {
                try (java.io.Writer w =
                        Files.newBufferedWriter(folder.resolve(h.evidenceName()), StandardCharsets.UTF_8)) {
                    EvidenceFile.write(g, s, h, w);
                }
            }
        }
        Files.writeString(dir.resolve(SUMS), sums(dir), StandardCharsets.UTF_8);
    }

    /** {@code sha256sum} format: {@code <hex> <relative path>}, one line per file, in path order. */
    static String sums(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(SUMS)).forEach(files::add);
        }
        List<String> rel = files.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        StringBuilder sb = new StringBuilder();
        for (String r : rel) {
            sb.append(sha256(dir.resolve(r))).append("  ").append(r).append('\n');
        }
        return sb.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
