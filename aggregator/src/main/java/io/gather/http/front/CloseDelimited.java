package io.gather.http.front;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sends an answer of unknown length to an HTTP/1.0 request (a stream: NDJSON, SSE) delimited by the end of the
 * connection: no {@code Transfer-Encoding}, {@code Connection: close}, the body's bytes as they are, and the connection
 * closed after its last byte. RFC 9112 section 6.1 forbids sending a transfer coding to HTTP/1.0, whose clients would
 * read the chunk sizes as part of the body. Netty's encoder, seeing no {@code Transfer-Encoding}, writes the body
 * unframed. Answers with a {@code Content-Length} are left alone, and so is every HTTP/1.1 answer.
 * <p>
 * It sits right after the codec, and only on a connection that has carried an HTTP/1.0 request ({@link #install}):
 * HTTP/1.1 connections never pay for it.
 */
final class CloseDelimited extends ChannelOutboundHandlerAdapter {
    static final String NAME = "gather-close-delimited";

    private boolean delimiting;      // an answer whose body ends with the connection is being written

    private CloseDelimited() {
    }

    /** Puts the handler on this connection, once. */
    static void install(ChannelPipeline pipeline) {
        if (pipeline.get(NAME) == null) {
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, NAME, new CloseDelimited());
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.protocolVersion() == HttpVersion.HTTP_1_0
            && HttpUtil.isTransferEncodingChunked(response)) {
            response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            delimiting = true;
        }
        if (delimiting && msg instanceof LastHttpContent) {
            delimiting = false;
            ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);   // the end of the body
            return;
        }
        ctx.write(msg, promise);
    }
}
