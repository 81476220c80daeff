package dev.labtutor.check.observe;

/**
 * One request from the tutor's machine while observing. {@code answered} is true when the address answered at all (an
 * HTTP response, or a TCP connection accepted or refused); {@code body} is the start of an HTTP response body (at most
 * {@value #BODY_KEEP} characters), {@code error} why there was no answer.
 */
public record Answer(boolean answered, int status, String body, String error, long tookMillis) {

    public static final int BODY_KEEP = 200;

    public Answer {
        body = body.length() > BODY_KEEP ? body.substring(0, BODY_KEEP) : body;
    }

    public static Answer lost(String error, long tookMillis) {
        return new Answer(false, 0, "", error, tookMillis);
    }
}
