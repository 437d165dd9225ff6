package io.gather.http.front;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * The end of a connection that sent something the front refused. From the moment of refusal nothing
 * more reaches the decoder: bytes are counted and dropped at the head of the pipeline. The answer goes
 * out, then the write side is shut (the caller reads the answer and an end of stream), and the
 * connection is closed when the caller closes its side, after {@value #LINGER_MS} ms, or once more than
 * {@value #DRAIN_LIMIT} bytes were dropped. Closing at once instead would make the kernel answer the
 * caller's unread bytes with a reset, which can destroy the answer before the caller reads it.
 */
final class LastAnswer extends ChannelInboundHandlerAdapter {
    static final String NAME = "gather-last-answer";
    static final long LINGER_MS = 1000;
    static final long DRAIN_LIMIT = 64 * 1024;

    private long dropped;
    private boolean answered;

    private LastAnswer() {
    }

    /** Stops decoding this connection: everything it sends from now on is dropped. */
    static void stopReading(ChannelHandlerContext ctx) {
        if (ctx.pipeline().get(NAME) == null) {
            ctx.pipeline().addFirst(NAME, new LastAnswer());
        }
    }

    /** Writes the answer from {@code ctx}, then half-closes and lingers as described above. */
    static void send(ChannelHandlerContext ctx, FullHttpResponse answer) {
        send(ctx, answer, LINGER_MS);
    }

    /**
     * The same, lingering {@code lingerMs}: a connection refused for being one too many is refused because the
     * process is short of connections (and file descriptors), so it should not hold one for a whole second.
     */
    static void send(ChannelHandlerContext ctx, FullHttpResponse answer, long lingerMs) {
        ctx.writeAndFlush(answer).addListener((ChannelFutureListener) written -> {
            LastAnswer drain = (LastAnswer) written.channel().pipeline().get(NAME);
            if (!written.isSuccess() || drain == null || !(written.channel() instanceof DuplexChannel duplex)) {
                written.channel().close();
                return;
            }
            duplex.shutdownOutput();
            drain.answered = true;
            written.channel().config().setAutoRead(true);
            written.channel().eventLoop().schedule(() -> written.channel().close(), lingerMs, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            dropped += bytes.readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (dropped > DRAIN_LIMIT) {
            if (answered) {
                ctx.close();
            } else {
                ctx.channel().config().setAutoRead(false);   // the answer still waits for earlier ones
            }
        }
    }
}
