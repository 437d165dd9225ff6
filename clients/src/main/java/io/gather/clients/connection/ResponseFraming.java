package io.gather.clients.connection;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a pooled downstream connection in step with its requests, right after the HTTP codec. The client takes the
 * first response after a request as its answer and puts the connection back in the pool when it ends, so a service
 * that breaks the framing would otherwise cost the next call on that connection, maybe another user's, a timeout or
 * a stray answer:
 * <ul>
 *   <li>a response the codec could not read (a bad status line, chunk size or header): the connection is closed
 *       before the failure ({@link UnreadableResponse}) is passed on, so the pool never hands it out again;</li>
 *   <li>an interim response (100 Continue, 102 Processing, 103 Early Hints: any 1xx but 101, RFC 9110 section
 *       15.2): dropped, the final response that follows is the answer (Gather never asks for a 100); a 101, which
 *       Gather never asks for, is unreadable, and the connection closed;</li>
 *   <li>the connection closing before a byte of the answer came: {@link ClosedUnanswered}, which may be asked again;</li>
 *   <li>a response when no request is waiting for one: dropped, and the connection closed;</li>
 *   <li>bytes after the end of an answer when no other request is waiting (a Content-Length shorter than the body):
 *       the connection is closed before the answer's end is passed on, so the pool never hands it out again. The
 *       codec would keep them and read them as the start of the next call's answer, which would then be unreadable.
 *       Seen by {@link Intake}, ahead of the codec: bytes arriving while no request waits are refused the same way;
 *       bytes after an answer in the read that ended it are seen when the codec reads that read's buffer in place,
 *       which it does unless an earlier read left part of a line behind;</li>
 *   <li>an exchange that takes longer than {@code maxExchangeNanos} from its request to its answer's last byte: the
 *       connection is closed. The client reads the answer of a call nobody waits for any more to its end before it
 *       pools the connection again, and its read timeout restarts at every byte, so a service that trickles an answer,
 *       or sends one that never ends, would otherwise hold the connection for as long as it likes.</li>
 * </ul>
 * One instance per connection, used on its event loop only. Like the front's request clock, at most one timer per
 * connection, re-armed when it fires for an exchange that began later: an exchange costs a clock read, not a timer.
 */
final class ResponseFraming extends ChannelDuplexHandler {
    static final String NAME = "gather-response-framing";
    static final String INTAKE = "gather-response-intake";

    private final long maxExchangeNanos;
    private Ticker ticker;
    /** Requests written whose final response has not ended yet. */
    private int awaited;
    /** Inside an interim response: its parts are dropped up to its end. */
    private boolean skipping;
    /** When the oldest exchange under way began. */
    private long began;
    private ScheduledFuture<?> timer;
    /** The bytes the codec is reading now, as {@link Intake} passed them on; null between reads. */
    private ByteBuf reading;
    /** A byte of the oldest awaited answer has arrived. */
    private boolean answering;

    ResponseFraming(long maxExchangeNanos) {
        this.maxExchangeNanos = maxExchangeNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // the event loop's own time, which a test's EmbeddedChannel can advance
        ticker = ctx.executor() instanceof AbstractScheduledEventExecutor loop ? loop.ticker() : Ticker.systemTicker();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpRequest && awaited++ == 0) {
            answering = false;
            began = ticker.nanoTime();
            if (timer == null) {
                timer = ctx.executor().schedule(() -> check(ctx), maxExchangeNanos, TimeUnit.NANOSECONDS);
            }
        }
        ctx.write(msg, promise);
    }

    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (awaited == 0 || !ctx.channel().isActive()) {
            return;
        }
        long left = began + maxExchangeNanos - ticker.nanoTime();
        if (left > 0) {
            timer = ctx.executor().schedule(() -> check(ctx), left, TimeUnit.NANOSECONDS);
        } else {
            ctx.channel().close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
            // closed first: the client then fails this call, and no other call is given the connection (a closed
            // channel is taken out of the pool before it is dispatched to)
            o.setDecoderResult(DecoderResult.failure(new UnreadableResponse(o.decoderResult().cause())));
            ctx.channel().close();
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpResponse response) {
            int status = response.status().code();
            if (status == 101) {
                // Gather never asks to switch protocols: what follows is not HTTP, and the call would wait out its timeout
                response.setDecoderResult(DecoderResult.failure(new UnreadableResponse(new IllegalStateException("101 not asked for"))));
                ctx.channel().close();
                ctx.fireChannelRead(msg);
                return;
            }
            if (status >= 100 && status < 200) {
                skipping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            if (awaited == 0) {
                ReferenceCountUtil.release(msg);
                ctx.channel().close();
                return;
            }
        } else if (skipping) {
            skipping = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof LastHttpContent && awaited > 0 && --awaited > 0) {
            began = ticker.nanoTime();  // the next request's answer starts now
        } else if (msg instanceof LastHttpContent && reading != null && reading.isReadable()) {
            ctx.channel().close();      // closed first, as above: the pool must not hand it out
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * The connection closed while a request waited and not one byte of its answer had come: the service (or a proxy,
     * or its idle timeout racing the request) closed it unanswered. Told apart from an answer cut short, since only
     * an unanswered GET may be sent again (RFC 9112 §9.3.1); the client's own word for both is "closed before the
     * response was received".
     */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (awaited > 0 && !answering && hasCaller(ctx)) {
            ctx.fireExceptionCaught(new ClosedUnanswered());
        }
        ctx.fireChannelInactive();
    }

    /**
     * The client's handler of this call's answer is in the pipeline: a failure passed on reaches a caller. Without
     * it (between calls, or the call given up), a failure would reach the pipeline's tail, which logs it as a bug.
     */
    static boolean hasCaller(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_HTTP_RESPONSE) != null;
    }

    /** The handler that goes ahead of the codec, sharing this connection's count of requests awaited. */
    ChannelInboundHandler intake() {
        return new Intake();
    }

    private final class Intake extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf bytes)) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (awaited == 0) {
                bytes.release();        // nothing was asked: whatever this is, it answers nothing
                ctx.channel().close();
                return;
            }
            answering = true;
            reading = bytes.retain();   // kept readable for the answer's end to look at, released below
            try {
                ctx.fireChannelRead(bytes);
            } finally {
                reading = null;
                bytes.release();
            }
        }
    }
}
