package io.gather.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import java.io.IOException;

/** What a browser sends across origins, for the CORS tests with CORS on and off, and what a refusal looks like. */
final class CorsExchanges {
    static final String DASHBOARD = "/api/v1/dashboard";
    static final String OTHER_ORIGIN = "https://evil.example.test";

    private CorsExchanges() {
    }

    /** A preflight for {@code method}, with any more header lines ("Name: value"). */
    static Answer preflight(RawHttp raw, String host, String origin, String method, String... more) throws IOException {
        StringBuilder request = new StringBuilder("OPTIONS " + DASHBOARD + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
            + "\r\nAccess-Control-Request-Method: " + method + "\r\n");
        for (String line : more) {
            request.append(line).append("\r\n");
        }
        return raw.send(request.append("\r\n").toString()).only();
    }

    /** A dashboard request from a page on {@code origin} (none: null), with {@code auth} ("Authorization: ...\r\n"). */
    static Answer dashboard(RawHttp raw, String host, String origin, String auth) throws IOException {
        String from = origin == null ? "" : "Origin: " + origin + "\r\n";
        return raw.send("GET " + DASHBOARD + " HTTP/1.1\r\nHost: " + host + "\r\n" + from + auth + "\r\n").only();
    }

    /** Refused as every other error is: a 403 problem, not Micronaut's bare 403. */
    static void assertRefusedWithAProblem(Answer answer) {
        assertEquals(403, answer.status());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type"));
    }
}
