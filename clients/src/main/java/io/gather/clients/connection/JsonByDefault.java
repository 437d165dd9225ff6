package io.gather.clients.connection;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Reads a 2xx answer without a {@code Content-Type} as JSON, the media type every downstream of the contract speaks.
 * RFC 9110 section 8.3 leaves a recipient free to assume one; the client would otherwise have no reader for the body
 * and hand over none, and a service that forgets the field would lose its section with a detail that is not true
 * ("answered without a body"). An answer that says another type (a proxy's HTML page) is still refused.
 */
@ChannelHandler.Sharable
final class JsonByDefault extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-json-by-default";
    static final JsonByDefault INSTANCE = new JsonByDefault();

    private JsonByDefault() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.SUCCESS
            && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        ctx.fireChannelRead(msg);
    }
}
