package io.gather.http.front;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Reads a connection's next request only after a pause, once Gather has refused one on it with {@code Retry-After}
 * (overloaded). The refusal goes out at once; a caller who asks again at once on the same connection is read when the
 * pause ends. A client that ignores {@code Retry-After} and asks again in a loop otherwise has the core spend itself
 * on refusals, and the dashboards admitted wait behind them (4096 connections on one core: wrk's excess callers asked
 * 13,000-16,000 times a second). First in the pipeline: bytes that arrive during the pause wait here (at most the one read
 * under way: no other is asked for), unseen by the request's clock, and go on, in order, when it ends.
 */
public final class RefusalPause extends ChannelDuplexHandler {
    static final String NAME = "gather-refusal-pause";

    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> resume;
    private ArrayDeque<Object> held;        // made at the first pause that holds bytes: most connections never pause
    private boolean readAsked;
    private boolean holding;                // bytes of the read under way were held: its end is passed on with them

    /**
     * Reads nothing more from {@code channel} for {@code nanos} (from now, not from the last pause's end), from any
     * thread; nothing where the connection has no such handler (not HTTP/1.1 on the API port) or is paused already.
     */
    public static void pause(Channel channel, long nanos) {
        RefusalPause pause = nanos > 0 ? channel.pipeline().get(RefusalPause.class) : null;
        if (pause == null) {
            return;
        }
        EventExecutor loop = pause.ctx.executor();
        if (loop.inEventLoop()) {
            pause.start(nanos);
        } else {
            loop.execute(() -> pause.start(nanos));
        }
    }

    boolean paused() {
        return resume != null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    private void start(long nanos) {
        if (resume == null && ctx.channel().isActive()) {
            resume = ctx.executor().schedule(this::end, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void end() {
        resume = null;
        holding = false;
        if (held != null && !held.isEmpty()) {
            for (Object msg = held.poll(); msg != null; msg = held.poll()) {
                ctx.fireChannelRead(msg);
            }
            ctx.fireChannelReadComplete();
        }
        // a request among those held may have been refused in turn: then the read waits for that pause to end
        if (readAsked && resume == null) {
            readAsked = false;
            ctx.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (resume != null) {
            readAsked = true;       // asked again when the pause ends
            return;
        }
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (resume == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (held == null) {
            held = new ArrayDeque<>(2);
        }
        held.add(msg);
        holding = true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // the read that carried the refused request ends during the pause: its end goes on (Micronaut flushes then)
        if (!holding) {
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    /** The connection is gone: no pause to end, nothing to pass on. */
    private void stop() {
        if (resume != null) {
            resume.cancel(false);
            resume = null;
        }
        if (held != null) {
            for (Object msg = held.poll(); msg != null; msg = held.poll()) {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
