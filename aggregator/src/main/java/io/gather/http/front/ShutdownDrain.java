package io.gather.http.front;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gather's part of a graceful shutdown (SIGTERM): it ends only when every request that reached Micronaut has its
 * answer written, and from then on a request is refused (503, {@code Retry-After}) instead of served.
 * <p>
 * Why Micronaut's own wait is not enough: it waits for the connections it holds when the shutdown begins, but the
 * listening socket still accepts for a moment, and a request on a connection accepted then is not waited for. Once
 * the waits end, the context closes the HTTP clients, under dashboards still being assembled: their sections failed
 * as {@code unavailable}. {@link FrontGate} counts each request here from the moment it is routed until the last
 * byte of its answer is written (or its connection closes); the shutdown waits until none is left, at most
 * {@code micronaut.lifecycle.graceful-shutdown.grace-period}.
 */
@Singleton
final class ShutdownDrain implements GracefulShutdownCapable {
    private static final int DRAINING = 1 << 30;
    private static final int CLOSED = 1 << 29;
    private static final int COUNT = CLOSED - 1;

    /** Requests under way in the low bits; DRAINING once the shutdown began, CLOSED once it found none left. */
    private final AtomicInteger state = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    /** A request is about to be routed: true and counted until {@link #finished()}, or false after the drain. */
    boolean tryStart() {
        int s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
        } while (!state.compareAndSet(s, s + 1));
        return true;
    }

    /** A request counted by {@link #tryStart()} has its whole answer written, or its connection closed. */
    void finished() {
        int s = state.decrementAndGet();
        if ((s & DRAINING) != 0 && (s & COUNT) == 0) {
            close(s);
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        int s = state.updateAndGet(v -> v | DRAINING);
        if ((s & COUNT) == 0) {
            close(s);
        }
        return drained;
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(state.get() & COUNT);
    }

    /** A request counted in between makes this fail; its own {@link #finished()} closes instead. */
    private void close(int idle) {
        if (state.compareAndSet(idle, idle | CLOSED)) {
            drained.complete(null);
        }
    }
}
