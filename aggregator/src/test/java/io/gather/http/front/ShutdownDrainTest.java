package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shutdown's wait for requests under way, and the refusal of those that come after it. */
class ShutdownDrainTest {
    private final ShutdownDrain drain = new ShutdownDrain();

    @Test
    void withNothingUnderWayTheDrainEndsAtOnceAndLaterRequestsAreRefused() {
        assertTrue(drain.tryStart());
        drain.finished();
        assertTrue(drain.shutdownGracefully().toCompletableFuture().isDone(), "answered requests hold nothing");
        assertFalse(drain.tryStart());
    }

    @Test
    void theDrainEndsWhenTheLastRequestUnderWayIsAnswered() {
        assertTrue(drain.tryStart());
        assertTrue(drain.tryStart());
        CompletableFuture<?> drained = drain.shutdownGracefully().toCompletableFuture();
        assertFalse(drained.isDone());
        assertEquals(OptionalLong.of(2), drain.reportActiveTasks());

        drain.finished();
        assertTrue(drain.tryStart(), "a request that comes while others are still being answered is served");
        drain.finished();
        assertFalse(drained.isDone());
        drain.finished();

        assertTrue(drained.isDone());
        assertEquals(OptionalLong.of(0), drain.reportActiveTasks());
        assertFalse(drain.tryStart(), "after the drain, a request is refused");
    }

    @Test
    void noRequestIsServedAfterTheDrainEndsWhateverTheThreadsDo() throws Exception {
        AtomicReference<CompletableFuture<?>> drained = new AtomicReference<>();
        AtomicBoolean servedAfterDrain = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (refused.get() < 1000) {
                    if (drain.tryStart()) {
                        CompletableFuture<?> d = drained.get();
                        if (d != null && d.isDone()) {
                            servedAfterDrain.set(true);     // counted, yet the shutdown went on
                        }
                        drain.finished();
                    } else {
                        refused.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        drained.set(drain.shutdownGracefully().toCompletableFuture());
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(drained.get().isDone(), "the drain ended once the threads' requests were answered");
        assertFalse(servedAfterDrain.get(), "no request was counted after the drain had ended");
    }
}
