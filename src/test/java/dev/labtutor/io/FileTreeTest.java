package dev.labtutor.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {

    @TempDir
    Path dir;

    @Test
    void removesTheTreeButNotWhatALinkInItPointsTo() throws Exception {
        Path outside = Files.writeString(dir.resolve("keep.txt"), "mine");
        Path outsideDir = Files.createDirectories(dir.resolve("keep-dir"));
        Files.writeString(outsideDir.resolve("inner.txt"), "mine too");
        Path root = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(root.resolve("f.txt"), "x");
        Files.createSymbolicLink(dir.resolve("tree/link-to-file"), outside);
        Files.createSymbolicLink(dir.resolve("tree/a/link-to-dir"), outsideDir);

        FileTree.delete(dir.resolve("tree"));

        assertFalse(Files.exists(dir.resolve("tree"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside) && Files.exists(outsideDir.resolve("inner.txt")),
                "links are removed, never followed");
        FileTree.delete(dir.resolve("tree"));
    }
}
