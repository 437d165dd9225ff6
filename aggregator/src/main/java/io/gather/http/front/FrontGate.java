package io.gather.http.front;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits right after the HTTP/1.1 decoder, one per connection, and lets a request reach Micronaut only
 * if the decoder read it and it passes {@link RequestRules}. A refused request gets a problem
 * ({@link FrontProblem}) after the answers to the requests before it, in order, and is the
 * connection's last ({@link LastAnswer}): nothing behind it is decoded or answered.
 * <p>
 * Each request routed is counted in {@link ShutdownDrain} until its answer's last byte is written; once a graceful
 * shutdown has drained, a request is refused (503) rather than served by a Gather closing its clients.
 * <p>
 * Bodies: a declared length over {@code max-request-size} is refused before a byte of it is read.
 * A chunked body, whose size is unknown until it ends, is held here (at most {@code max-request-size}
 * bytes) until its last chunk, so that a malformed or oversized one is refused before routing rather
 * than after Micronaut has begun to answer.
 */
final class FrontGate extends ChannelDuplexHandler {
    static final String NAME = "gather-front-gate";

    private final long maxBodyBytes;
    private final ShutdownDrain drain;
    private int unanswered;                 // requests routed whose answer has not begun
    private int unfinished;                 // requests routed whose answer has not ended
    private boolean informational;          // the answer being written is a 1xx
    private boolean refused;
    private FullHttpResponse refusal;       // waits for the answers before it
    private HttpRequest held;               // a chunked request whose body is being collected
    private final List<HttpContent> heldBody = new ArrayList<>(0);
    private long heldBytes;

    FrontGate(long maxBodyBytes, ShutdownDrain drain) {
        this.maxBodyBytes = maxBodyBytes;
        this.drain = drain;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof HttpRequest request) {
            onRequest(ctx, request);
        } else if (msg instanceof HttpContent content) {
            onContent(ctx, content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        Rejection rejection = request.decoderResult().isFailure()
            ? Rejection.ofDecoderFailure(request.decoderResult().cause())
            : RequestRules.check(request, maxBodyBytes);
        if (rejection != null) {
            refuse(ctx, rejection, request);
            ReferenceCountUtil.release(request);
        } else if (HttpUtil.isTransferEncodingChunked(request)) {
            held = request;
        } else if (routed()) {
            ctx.fireChannelRead(request);
        } else {
            refuse(ctx, Rejection.SHUTTING_DOWN, request);
            ReferenceCountUtil.release(request);
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            ReferenceCountUtil.release(content);
            if (held == null) {
                ctx.close();   // Netty never fails a length-delimited body; nothing sensible is left to say
            } else {
                refuse(ctx, Rejection.BAD_CHUNK, held);
            }
            return;
        }
        if (held == null) {
            ctx.fireChannelRead(content);
            return;
        }
        heldBytes += content.content().readableBytes();
        heldBody.add(content);
        if (heldBytes > maxBodyBytes) {
            refuse(ctx, Rejection.BODY_TOO_LARGE, held);
        } else if (content instanceof LastHttpContent && !routed()) {
            refuse(ctx, Rejection.SHUTTING_DOWN, held);
        } else if (content instanceof LastHttpContent) {
            ctx.fireChannelRead(held);
            held = null;
            heldBody.forEach(ctx::fireChannelRead);
            heldBody.clear();
            heldBytes = 0;
        }
    }

    /** Counts a request about to reach Micronaut; false once the shutdown has drained. */
    private boolean routed() {
        if (!drain.tryStart()) {
            return false;
        }
        unanswered++;
        unfinished++;
        return true;
    }

    private void refuse(ChannelHandlerContext ctx, Rejection rejection, HttpRequest request) {
        refused = true;
        FullHttpResponse answer = FrontProblem.of(rejection, request, ctx.alloc());
        releaseHeld();
        LastAnswer.stopReading(ctx);
        if (unanswered == 0) {
            LastAnswer.send(ctx, answer);
        } else {
            refusal = answer;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (!informational && unanswered > 0) {
                unanswered--;
            }
        }
        boolean last = msg instanceof LastHttpContent && !informational;
        ctx.write(msg, promise);
        if (last && unfinished > 0) {
            unfinished--;
            drain.finished();
        }
        if (last && unanswered == 0 && refusal != null) {
            FullHttpResponse answer = refusal;
            refusal = null;
            LastAnswer.send(ctx, answer);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (; unfinished > 0; unfinished--) {
            drain.finished();   // the connection closed before these answers ended
        }
        releaseHeld();
        ReferenceCountUtil.release(refusal);
        refusal = null;
    }

    private void releaseHeld() {
        if (held != null) {
            ReferenceCountUtil.release(held);
            held = null;
        }
        heldBody.forEach(ReferenceCountUtil::release);
        heldBody.clear();
        heldBytes = 0;
    }
}
