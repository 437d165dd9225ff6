package io.gather.http.front;

import io.gather.http.RequestIds;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code gather.front.max-connections} open connections per listening port. Each costs a file descriptor,
 * which the downstreams' pools need too, and an idle one is kept for the idle timeout (60 s): so callers that open
 * connections and send nothing could otherwise take every descriptor the process has. One more is answered 503
 * ({@code Retry-After}) at once, without reading it, and closed. One instance per server, shared by its connections.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-connection-limit";
    /** How long a refused connection is kept after its answer: nothing was read from it, so little can be left to drain. */
    static final long LINGER_MS = 100;

    private final int max;
    private final FrontRefusalObserver observer;
    private final Map<Integer, AtomicInteger> open = new ConcurrentHashMap<>();

    ConnectionLimit(int max, FrontRefusalObserver observer) {
        this.max = max;
        this.observer = observer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        AtomicInteger count = counter(ctx);
        ctx.channel().closeFuture().addListener(closed -> count.decrementAndGet());
        if (count.incrementAndGet() > max) {
            FullHttpResponse answer = FrontProblem.of(Rejection.TOO_MANY_CONNECTIONS, null, ctx.alloc());
            Rejection.TOO_MANY_CONNECTIONS.reportTo(observer, answer.headers().get(RequestIds.HEADER));
            LastAnswer.stopReading(ctx);
            LastAnswer.send(ctx, answer, LINGER_MS);
            return;
        }
        ctx.fireChannelActive();
    }

    private AtomicInteger counter(ChannelHandlerContext ctx) {
        int port = ctx.channel().localAddress() instanceof InetSocketAddress local ? local.getPort() : 0;
        return open.computeIfAbsent(port, p -> new AtomicInteger());
    }
}
