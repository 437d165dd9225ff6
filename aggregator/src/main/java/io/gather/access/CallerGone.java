package io.gather.access;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
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

    /**
     * The answer a request whose caller left ends with: never sent, it gives the access line its 499. It carries why
     * as the response's exception, so that filters which read the status as one of the standard ones (OpenTelemetry's
     * server filter: 499 is none) see an ended request instead (its span: an error, with code 499) and do not fail.
     */
    static MutableHttpResponse<?> answer() {
        MutableHttpResponse<?> response = HttpResponse.status(STATUS, "Client Closed Request");
        response.setAttribute(HttpAttributes.EXCEPTION, new Left());
        return response;
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

    /** Why a request ended without an answer: its caller closed the connection first. */
    static final class Left extends RuntimeException {
        Left() {
            super("The caller closed the connection before the answer was ready.", null, false, false);
        }
    }
}
