package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.http.TraceContexts;
import org.junit.jupiter.api.Test;

/** The text line cannot be split or coloured by what a token says. */
class AccessLineTest {
    @Test
    void aClientWithControlCharactersStaysOnOneVisibleLine() {
        // before: an azp "acme\nFAKE LINE status=200" wrote a forged second line
        String line = AccessLine.text(TraceContexts.parse("r-1", null, null), "GET", "/api/v1/dashboard",
            "acme\nFAKE LINE status=200\r\u001b[31m\u0000é\\", "full", 200, 1_000_000, null, false);
        assertTrue(line.contains(" client=acme\\u000aFAKE\\u0020LINE\\u0020status=200\\u000d\\u001b[31m\\u0000\\u00e9\\u005c view=full"), line);
        assertEquals(-1, line.indexOf('\n'));
        assertTrue(line.chars().allMatch(c -> c >= ' ' && c < 0x7f), line);
    }

    @Test
    void aCallerWhoHungUpIsNamedInBothForms() {
        var call = TraceContexts.parse("r-2", null, null);
        assertTrue(AccessLine.json(call, "GET", "/api/v1/dashboard", null, "full", 200, 1_000_000, null, true)
            .contains("\"status\":200,\"hungUp\":true,\"totalMs\":1"));
        assertTrue(AccessLine.text(call, "GET", "/api/v1/dashboard", null, "full", 200, 1_000_000, null, true)
            .startsWith("GET /api/v1/dashboard 200 1 ms hungUp=true view=full "));
        assertFalse(AccessLine.json(call, "GET", "/api/v1/dashboard", null, "full", 200, 1_000_000, null, false).contains("hung"));
        assertFalse(AccessLine.text(call, "GET", "/api/v1/dashboard", null, "full", 200, 1_000_000, null, false).contains("hung"));
    }
}
