package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.gather.testing.LoggedLines;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A failed accept is one line, not a stack trace a second from the pipeline's tail. */
class AcceptFailuresTest {
    @Test
    void failedAcceptsAreOneWarningForManyAndGoNoFurther() {
        LoggedLines log = new LoggedLines(AcceptFailures.class.getName()).attach();
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptFailures.Handler());
        try {
            for (int i = 0; i < 5; i++) {
                listener.pipeline().fireExceptionCaught(new IOException("Too many open files"));
            }
            listener.checkException();    // nothing reached the tail
            assertEquals(1, log.messages(Level.WARN).size(), log.messages().toString());
            assertTrue(log.messages().get(0).contains("(Too many open files)"), log.messages().get(0));
        } finally {
            log.detach();
            listener.finishAndReleaseAll();
        }
    }

    @Test
    void anythingElseIsPassedOn() {
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptFailures.Handler());
        listener.pipeline().fireExceptionCaught(new IllegalStateException("a bug"));
        assertThrows(IllegalStateException.class, listener::checkException);
        listener.finishAndReleaseAll();
    }
}
