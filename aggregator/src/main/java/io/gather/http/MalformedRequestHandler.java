package io.gather.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Answers requests that Netty could not decode (request line or header fields over the limits, or not
 * HTTP at all) with a problem and closes the connection. Without it such a request got no answer at
 * all on HTTP/1.1, and the caller waited until its own timeout.
 */
@ChannelHandler.Sharable
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-malformed-request";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
            ctx.writeAndFlush(problem(status)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static FullHttpResponse problem(HttpResponseStatus status) {
        String requestId = UUID.randomUUID().toString();
        String detail = switch (status.code()) {
            case 414 -> "The request line is longer than allowed.";
            case 431 -> "The request's header fields are larger than allowed.";
            default -> "The request is not valid HTTP.";
        };
        String json = "{\"type\":\"" + Problem.ABOUT_BLANK + "\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
            + status.code() + ",\"detail\":\"" + detail + "\",\"requestId\":\"" + requestId + "\"}";
        ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
            .set(RequestIds.HEADER, requestId);
        return response;
    }
}
