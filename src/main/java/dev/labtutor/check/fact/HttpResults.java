package dev.labtutor.check.fact;

import java.util.List;

/** Responses to repeated GETs of one URL. A failed request has status 0 and an error text. */
public record HttpResults(String url, List<Response> responses) implements Fact {

    public record Response(int status, String body, String error) {
    }

    public HttpResults {
        responses = List.copyOf(responses);
    }
}
