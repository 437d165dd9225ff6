package io.gather.clients.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body is inflated and read no further than the limit: past it, or when it cannot be inflated, the connection is
 * closed and the call fails. The decompressor and the limit on an {@link EmbeddedChannel}, as Gather installs them.
 */
class InflatedBodyLimitTest {
    private static final int MAX = 1 << 20;

    private final List<Throwable> failures = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(InflatedBodyLimit.decompressor(MAX), new InflatedBodyLimit(MAX));

    InflatedBodyLimitTest() {
        // stands for the client's handler of the call's answer: it is told the call failed
        channel.pipeline().addLast(ChannelPipelineCustomizer.HANDLER_MICRONAUT_HTTP_RESPONSE, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
            }
        });
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static HttpResponse ok(String encoding) {
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        if (encoding != null) {
            r.headers().set(HttpHeaderNames.CONTENT_ENCODING, encoding);
        }
        return r;
    }

    private long inflated() {
        long bytes = 0;
        for (Object m; (m = channel.readInbound()) != null; ) {
            if (m instanceof HttpContent c) {
                bytes += c.content().readableBytes();
            }
            ReferenceCountUtil.release(m);
        }
        return bytes;
    }

    static byte[] gzipOfZeros(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[size]);
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsInflatedNoFurtherThanTheLimit() throws IOException {
        // before: 64 MiB inflated on the event loop (200 ms), then read on to pool the connection
        channel.writeInbound(ok("gzip"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(gzipOfZeros(64 << 20))));
        assertInstanceOf(ContentLengthExceededException.class, failures.get(0));
        assertTrue(inflated() <= MAX);
        assertFalse(channel.isActive(), "closed: nothing more is read or inflated");
    }

    @Test
    void aBodyThatGoesOnPastTheLimitLosesItsConnection() {
        // an endless chunked answer was drained until max-exchange-time
        channel.writeInbound(ok(null));
        byte[] chunk = new byte[64 << 10];
        for (int i = 0; i * chunk.length <= MAX; i++) {
            assertTrue(channel.isActive());
            channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
        }
        assertFalse(channel.isActive());
        assertTrue(inflated() <= MAX + chunk.length, "the excess is passed on once, for the client to refuse the body");
    }

    @Test
    void aBodyThatIsNotGzipFailsTheCallAndLosesItsConnection() {
        // before: the call read as "could not be reached", and the connection went back to the pool broken
        channel.writeInbound(ok("gzip"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.copiedBuffer("notdeflate".repeat(10), StandardCharsets.US_ASCII)));
        assertInstanceOf(UnreadableResponse.class, failures.get(0));
        assertEquals(1, failures.size(), "told once, not again as the close ends the decompressor");
        assertFalse(channel.isActive());
    }

    @Test
    void aCallGivenUpIsNotToldButItsConnectionIsClosed() {
        // nobody to tell: passed on, the failure would reach the pipeline's tail, which logs it as a bug
        channel.pipeline().remove(ChannelPipelineCustomizer.HANDLER_MICRONAUT_HTTP_RESPONSE);
        channel.writeInbound(ok("gzip"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.copiedBuffer("notdeflate".repeat(10), StandardCharsets.US_ASCII)));
        assertFalse(channel.isActive());
        assertTrue(failures.isEmpty());
    }

    @Test
    void aBodyWithinTheLimitPassesWhole() throws IOException {
        channel.writeInbound(ok("gzip"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(gzipOfZeros(MAX / 2))));
        assertTrue(channel.isActive());
        assertTrue(inflated() == MAX / 2);
    }
}
