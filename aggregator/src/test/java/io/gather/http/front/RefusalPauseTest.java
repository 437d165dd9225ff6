package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a refusal the connection's next request is read when the pause ends, not before; bytes already on their way
 * wait, in order, and nothing is lost or kept when the caller goes. On an {@link EmbeddedChannel}, in virtual time,
 * reading as Micronaut does (auto-read off, one read asked at a time).
 */
class RefusalPauseTest {
    private static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final List<String> seen = new ArrayList<>();
    private int readsPassed;
    private int readsCompleted;
    private final RefusalPause pause = new RefusalPause();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    RefusalPauseTest() {
        channel.freezeTime();
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                readsPassed++;
                ctx.read();
            }
        });
        channel.pipeline().addLast(RefusalPause.NAME, pause);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf bytes = (ByteBuf) msg;
                seen.add(bytes.toString(StandardCharsets.US_ASCII));
                bytes.release();
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                readsCompleted++;
            }
        });
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void withoutARefusalBytesAndReadsPassAtOnce() {
        channel.read();
        channel.writeInbound(bytes("GET / HTTP/1.1\r\n"));

        assertEquals(List.of("GET / HTTP/1.1\r\n"), seen);
        assertEquals(1, readsPassed);
        assertFalse(pause.paused());
    }

    @Test
    void theNextRequestIsReadWhenThePauseEnds() {
        RefusalPause.pause(channel, PAUSE_NANOS);
        channel.read();                                   // Micronaut asks for the next request once the refusal is out
        channel.writeInbound(bytes("GET /a"), bytes("GET /b"));   // the one read already under way

        assertEquals(0, readsPassed, "no read asked of the socket during the pause");
        assertEquals(List.of(), seen, "nothing read reaches the request's handlers");
        assertEquals(0, readsCompleted);

        channel.advanceTimeBy(PAUSE_NANOS - 1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), seen);

        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of("GET /a", "GET /b"), seen, "in order");
        assertEquals(1, readsCompleted);
        assertEquals(1, readsPassed, "the read asked for during the pause goes on");
        assertFalse(pause.paused());
    }

    @Test
    void theReadThatCarriedTheRefusalEndsAtOnce() {
        channel.pipeline().fireChannelRead(bytes("GET /refused"));
        RefusalPause.pause(channel, PAUSE_NANOS);         // refused while its bytes are being read
        channel.pipeline().fireChannelReadComplete();

        assertEquals(List.of("GET /refused"), seen);
        assertEquals(1, readsCompleted, "Micronaut flushes the refusal when its read completes");
        assertTrue(pause.paused());
    }

    @Test
    void aSecondRefusalDuringThePauseDoesNotLengthenIt() {
        RefusalPause.pause(channel, PAUSE_NANOS);
        channel.advanceTimeBy(PAUSE_NANOS / 2, TimeUnit.NANOSECONDS);
        RefusalPause.pause(channel, PAUSE_NANOS);
        channel.read();

        channel.advanceTimeBy(PAUSE_NANOS / 2, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();

        assertFalse(pause.paused());
        assertEquals(1, readsPassed);
    }

    @Test
    void aCallerWhoGoesDuringThePauseLeavesNothingHeld() {
        RefusalPause.pause(channel, PAUSE_NANOS);
        ByteBuf held = bytes("GET /a");
        channel.writeInbound(held);

        channel.close();

        assertEquals(0, held.refCnt(), "released");
        assertFalse(pause.paused(), "no timer left");
        assertEquals(List.of(), seen);
    }

    @Test
    void noPauseIsNoPause() {
        RefusalPause.pause(channel, 0);
        channel.read();

        assertEquals(1, readsPassed);
        assertTrue(channel.isActive());
        assertFalse(pause.paused());
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
