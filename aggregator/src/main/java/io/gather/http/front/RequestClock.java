package io.gather.http.front;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * Times how long a request takes to arrive, from its first byte to the last byte of its body, ahead of the decoder.
 * Idle timers restart at every byte, so a caller who sends a byte every few seconds (slowloris) holds a connection,
 * and its place among the event loop's connections, for as long as it likes; this clock does not restart. Between
 * requests, and before a connection's first byte, the idle timeout applies instead: a load balancer's pooled
 * connection is not cut for being quiet. The gate ({@link FrontGate}) says when a request has arrived in full and
 * what a late one gets. One timer per connection at most, re-armed when it fires for a request that began later,
 * so a request costs a clock read, not a timer.
 */
final class RequestClock extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-request-clock";

    private final long limitNanos;
    private final Runnable late;
    private ChannelHandlerContext ctx;
    private Ticker ticker;
    private boolean arriving;               // a request's first byte was read, its last not yet
    private long began;
    private ScheduledFuture<?> timer;
    private boolean stopped;

    /** {@code late} runs on the connection's event loop when a request has taken longer than {@code limitNanos}. */
    RequestClock(long limitNanos, Runnable late) {
        this.limitNanos = limitNanos;
        this.late = late;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // the event loop's own time, which a test's EmbeddedChannel can advance
        ticker = ctx.executor() instanceof AbstractScheduledEventExecutor loop ? loop.ticker() : Ticker.systemTicker();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!arriving && !stopped && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            arriving = true;
            began = ticker.nanoTime();
            if (timer == null) {
                timer = ctx.executor().schedule(this::check, limitNanos, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The request under way has arrived in full; the next one starts the clock with its first byte. */
    void arrived() {
        arriving = false;
    }

    /** Nothing more is timed on this connection. */
    void stop() {
        stopped = true;
        arriving = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void check() {
        timer = null;
        if (!arriving || stopped || !ctx.channel().isActive()) {
            return;
        }
        long left = began + limitNanos - ticker.nanoTime();
        if (left > 0) {
            timer = ctx.executor().schedule(this::check, left, TimeUnit.NANOSECONDS);
        } else {
            stop();
            late.run();
        }
    }
}
