package io.gather.clients.connection;

import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpContentDecompressor;

/**
 * Right after the decompressor: a body is read no further than the largest a service may send, counted as it
 * comes out of the decompressor. The client refuses such a body ({@code bad-body}) but went on reading it to its
 * end to pool the connection again: a gzip bomb was inflated whole (a 64 KB answer of 64 MiB of spaces cost 200 ms
 * of the event loop, and at 30 connections stalled the instance), and an endless chunked answer was drained until
 * the exchange time ran out. Past the limit the body is passed on (the client fails the call as too large) and the
 * connection is closed, so nothing more is read or inflated.
 *
 * <p>A body the decompressor cannot inflate (not gzip, or past {@link #decompressor(int) its buffer limit}) closes
 * the connection too, and fails the call as {@link UnreadableResponse} or as too large: its inflater is broken, and the
 * connection had gone back to the pool, where the next call on it (another user's) failed. One per connection.
 */
final class InflatedBodyLimit extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-inflated-body-limit";

    private final long max;
    private long received;

    InflatedBodyLimit(long max) {
        this.max = max;
    }

    /** Netty's decompressor, inflating at most {@code max} bytes out of one read (its default has no bound). */
    static HttpContentDecompressor decompressor(int max) {
        return new HttpContentDecompressor(false, max);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse) {
            received = 0;
        }
        if (msg instanceof HttpContent content) {
            if (received > max) {
                content.release();             // read in the same batch as the excess: nobody wants it
                return;
            }
            received += content.content().readableBytes();
            if (received > max) {
                ctx.fireChannelRead(msg);      // the client sees the excess and fails the call as too large
                ctx.channel().close();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        DecompressionException inflating = cause instanceof DecompressionException d ? d
            : cause instanceof DecoderException && cause.getCause() instanceof DecompressionException d ? d : null;
        if (inflating != null && !ctx.channel().isActive()) {
            return;  // the decompressor failing again as the close ends it: the call has failed already
        }
        if (inflating != null) {
            ctx.channel().close();
            if (!ResponseFraming.hasCaller(ctx)) {
                return;  // the call was given up: nobody to tell, and the tail would log it as a bug
            }
            String message = inflating.getMessage() == null ? "" : inflating.getMessage();
            ctx.fireExceptionCaught(message.contains("maximum size")
                ? new ContentLengthExceededException(max) : new UnreadableResponse(inflating));
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
