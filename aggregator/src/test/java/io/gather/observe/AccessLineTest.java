package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.http.TraceContexts;
import org.junit.jupiter.api.Test;

/** The text line cannot be split or coloured by what a token says. */
class AccessLineTest {
    @Test
    void aClientWithControlCharactersStaysOnOneVisibleLine() {
        // before: an azp "acme\nFAKE LINE status=200" wrote a forged second line
        String line = AccessLine.text(TraceContexts.parse("r-1", null, null), "GET", "/api/v1/dashboard",
            "acme\nFAKE LINE status=200\r\u001b[31m\u0000é\\", "full", 200, 1_000_000, null);
        assertTrue(line.contains(" client=acme\\u000aFAKE\\u0020LINE\\u0020status=200\\u000d\\u001b[31m\\u0000\\u00e9\\u005c view=full"), line);
        assertEquals(-1, line.indexOf('\n'));
        assertTrue(line.chars().allMatch(c -> c >= ' ' && c < 0x7f), line);
    }
}
