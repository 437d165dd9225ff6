package io.gather.access;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import reactor.core.publisher.Mono;

/**
 * Signals when a caller's connection closes. Micronaut does not cancel a plain (not streamed) answer when its caller
 * hangs up, so without this a caller who gave up (a client timeout, a retry loop) would keep its place in the
 * admission queue and then have a whole dashboard assembled for nobody: under overload, work that only adds to it.
 */
final class CallerGone {
    /** The status an answer for a caller who left is logged with (nginx's "client closed request"; never sent). */
    static final int STATUS = 499;

    private CallerGone() {
    }

    /** Emits once when the channel closes; cancelled (the answer came first), it stops listening. */
    static Mono<Boolean> of(Channel channel) {
        return Mono.create(sink -> {
            ChannelFuture closed = channel.closeFuture();
            ChannelFutureListener gone = f -> sink.success(Boolean.TRUE);
            closed.addListener(gone);
            sink.onDispose(() -> closed.removeListener(gone));
        });
    }
}
