package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;

/**
 * FILE: a {@code labtutor:file missing|unreadable|ok SIZE} line, then (when ok) the first
 * {@link ProbeCommands#FILE_CAP} bytes of the file. Truncated when the size exceeds the cap.
 */
final class FileParser {

    private static final String OK = "labtutor:file ok ";

    private FileParser() {
    }

    static FileContent parse(String path, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        if (text.startsWith("labtutor:file missing")) {
            return new FileContent(path, false, false, "", false);
        }
        if (text.startsWith("labtutor:file unreadable")) {
            return new FileContent(path, true, false, "", false);
        }
        if (!text.startsWith(OK)) {
            throw new Unparseable(
                    "file probe printed no status line: " + Lines.firstNonBlank(out.stderr() + "\n" + text));
        }
        int nl = text.indexOf('\n');
        if (nl < 0) {
            throw new Unparseable("file probe output ends after its status line");
        }
        long size;
        try {
            size = Long.parseLong(text.substring(OK.length(), nl).trim());
        } catch (NumberFormatException e) {
            throw new Unparseable("file probe printed a bad size: " + text.substring(0, nl));
        }
        return new FileContent(path, true, true, text.substring(nl + 1),
                size > ProbeCommands.FILE_CAP || out.truncated());
    }
}
