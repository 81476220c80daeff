package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP: per request, the body, then {@code \nlabtutor:http CODE} from curl's {@code -w} and {@code labtutor:http-rc RC}
 * from the probe. Status 000 (no response) becomes 0 with an error text from curl's exit code. A body that itself
 * prints those two lines can only confuse the result for the learner's own web server.
 */
final class HttpParser {

    private static final Pattern BLOCK = Pattern.compile("(?s)(.*?)\n" + Pattern.quote(ProbeCommands.HTTP_MARKER)
            + " (\\d{3})\n" + Pattern.quote(ProbeCommands.HTTP_RC_MARKER) + " (\\d+)\n");

    private HttpParser() {
    }

    static HttpResults parse(String url, ProbeOutput out) throws Unparseable {
        List<HttpResults.Response> responses = new ArrayList<>();
        Matcher m = BLOCK.matcher(out.stdout());
        int pos = 0;
        while (m.find(pos) && m.start() == pos) {
            int status = Integer.parseInt(m.group(2));
            int rc = Integer.parseInt(m.group(3));
            String error = rc == 0 ? "" : curlError(rc);
            responses.add(new HttpResults.Response(status, status == 0 ? "" : m.group(1), error));
            pos = m.end();
        }
        if (responses.isEmpty()) {
            throw new Unparseable("curl printed no result: " + Lines.firstNonBlank(out.stderr() + "\n" + out.stdout()));
        }
        return new HttpResults(url, responses);
    }

    /** A short English reason for curl's exit code (curl's own -s suppresses its message). */
    static String curlError(int rc) {
        return switch (rc) {
            case 127 -> "curl is not installed";
            case 6 -> "could not resolve host";
            case 7 -> "connection refused or host unreachable";
            case 28 -> "timed out";
            case 35 -> "TLS handshake failed";
            case 52 -> "empty reply from server";
            case 56 -> "connection reset while receiving";
            case 60 -> "server certificate not trusted";
            default -> "curl exit " + rc;
        };
    }
}
