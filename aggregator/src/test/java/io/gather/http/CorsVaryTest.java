package io.gather.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One Vary field, each member once and Origin among them, whatever fields the answer had. */
class CorsVaryTest {
    @Test
    void originIsAddedOnceToOneMergedField() {
        assertEquals("Origin", CorsVary.merged(List.of()));
        assertEquals("Authorization, Accept, Accept-Encoding, Origin", CorsVary.merged(List.of("Authorization, Accept, Accept-Encoding")));
        assertEquals("Authorization, Accept, Accept-Encoding, Origin",
            CorsVary.merged(List.of("Authorization, Accept, Accept-Encoding", "Origin")));
        assertEquals("origin, Accept", CorsVary.merged(List.of("origin", " Accept,, ORIGIN ", "accept")));
        assertEquals("*", CorsVary.merged(List.of("Accept", "*")));
    }
}
