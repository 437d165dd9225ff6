package io.gather.http.front;

import io.gather.http.RequestIds;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits right after the HTTP/1.1 decoder, one per connection, and lets a request reach Micronaut only
 * if the decoder read it and it passes {@link RequestRules}. A refused request gets a problem
 * ({@link FrontProblem}) after the answers to the requests before it, in order, and is the
 * connection's last ({@link LastAnswer}): nothing behind it is decoded or answered. Nor is anything sent behind a
 * request that closes the connection ({@code Connection: close}, or HTTP/1.0 without keep-alive): it is dropped unread,
 * not routed (RFC 9112 section 9.6).
 * <p>
 * Each request routed is counted in {@link ShutdownDrain} until its answer's last byte is written; once a graceful
 * shutdown has drained, a request is refused (503) rather than served by a Gather closing its clients.
 * <p>
 * Bodies: a declared length over {@code max-request-size} is refused before a byte of it is read.
 * A chunked body, whose size is unknown until it ends, is held here (at most {@code max-request-size}
 * bytes) until its last chunk, so that a malformed or oversized one is refused before routing rather
 * than after Micronaut has begun to answer.
 * <p>
 * Time: a request must arrive in full, body included, within the read timeout ({@link RequestClock}, ahead of the
 * decoder). A late one is refused (408) like a malformed one; one whose head was already routed has its connection
 * closed instead, since its answer is Micronaut's and may already be on its way.
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
    private boolean streaming;              // a routed request whose body is still arriving
    private boolean lastRouted;             // a request that ends the connection was routed (Connection: close)
    private boolean afterLast;              // a request sent behind it: it and all after it are dropped unread
    private final RequestClock clock;
    private final FrontRefusalObserver observer;
    private ChannelHandlerContext ctx;

    FrontGate(long maxBodyBytes, ShutdownDrain drain, long readTimeoutNanos, FrontRefusalObserver observer) {
        this.maxBodyBytes = maxBodyBytes;
        this.drain = drain;
        this.clock = new RequestClock(readTimeoutNanos, this::late);
        this.observer = observer;
    }

    /** The handler that times this connection's requests: it goes ahead of the decoder. */
    RequestClock clock() {
        return clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lastRouted && msg instanceof HttpRequest) {
            afterLast = true;
        }
        if (refused || afterLast) {
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
            return;
        }
        RequestRules.ignoreUpgrade(request);
        RequestRules.hostFromTarget(request);
        lastRouted = RequestRules.endsConnection(request);     // then nothing after it is processed
        if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            CloseDelimited.install(ctx.pipeline());                 // a stream to it goes unchunked (RFC 9112 section 6.1)
        }
        ContentCodings.choose(request.headers());
        if (HttpUtil.isTransferEncodingChunked(request)) {
            held = request;
        } else if (routed()) {
            streaming = true;
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
            if (content instanceof LastHttpContent) {
                streaming = false;
                clock.arrived();
            }
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
            clock.arrived();
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

    /** The request under way did not arrive in time (see {@link RequestClock}). */
    private void late() {
        if (refused) {
            return;
        }
        if (streaming) {
            refused = true;
            LastAnswer.stopReading(ctx);
            ctx.close();
            Rejection.REQUEST_TIMEOUT.reportTo(observer, "-");   // no answer of ours: the head's is Micronaut's
        } else {
            refuse(ctx, Rejection.REQUEST_TIMEOUT, held);   // held: a chunked request whose body was still arriving
        }
    }

    private void refuse(ChannelHandlerContext ctx, Rejection rejection, HttpRequest request) {
        refused = true;
        clock.stop();
        FullHttpResponse answer = FrontProblem.of(rejection, request, ctx.alloc());
        rejection.reportTo(observer, answer.headers().get(RequestIds.HEADER));
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
