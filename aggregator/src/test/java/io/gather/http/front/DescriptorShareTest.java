package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The front holds at most half the open-files limit, so the downstreams can still open connections. */
class DescriptorShareTest {
    @Test
    void aLowOpenFilesLimitCapsTheConnectionsOfAPort() {
        // with ulimit -n 1024, 10,000 allowed connections meant accept failing (EMFILE) and callers hanging
        assertEquals(512, DescriptorShare.maxConnections(10_000, 1024));
        assertEquals(1, DescriptorShare.maxConnections(10_000, 1));
    }

    @Test
    void aLimitWithRoomKeepsTheSetting() {
        assertEquals(10_000, DescriptorShare.maxConnections(10_000, 20_000));
        assertEquals(10_000, DescriptorShare.maxConnections(10_000, 1_048_576));
        assertEquals(300, DescriptorShare.maxConnections(300, -1));
    }

    @Test
    void thisProcessHasAKnownLimit() {
        assertTrue(DescriptorShare.openFilesLimit() > 0);
    }
}
