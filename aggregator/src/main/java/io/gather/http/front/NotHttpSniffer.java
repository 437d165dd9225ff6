package io.gather.http.front;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Looks at the first byte of a connection, then leaves the pipeline. Netty's decoder skips control
 * bytes before a request line and then waits for a line end, so a TLS ClientHello, or other binary
 * bytes, would hold the connection open until the idle timeout with no answer. A request line starts
 * with a method (a token) after optional empty lines; anything else is handed to the gate as a request
 * that failed to decode, and answered 400 like one.
 */
final class NotHttpSniffer extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-not-http";
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= 'z'; c++) {
            TCHAR[c] = Character.isLetterOrDigit(c);
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final String codecName;

    NotHttpSniffer(String codecName) {
        this.codecName = codecName;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
            byte b = bytes.getByte(i);
            if (b == '\r' || b == '\n') {
                continue;   // RFC 9112 §2.2: empty lines before a request line are ignored
            }
            ctx.pipeline().remove(this);
            if (b > 0 && TCHAR[b]) {
                ctx.fireChannelRead(bytes);
            } else {
                bytes.release();
                FullHttpRequest notHttp = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
                notHttp.setDecoderResult(DecoderResult.failure(new Rejection.NotHttp()));
                ctx.pipeline().context(codecName).fireChannelRead(notHttp);
            }
            return;
        }
        ctx.fireChannelRead(bytes);   // only line ends so far: look again at the next bytes
    }
}
