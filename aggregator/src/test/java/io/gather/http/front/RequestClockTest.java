package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request must arrive in full within the read timeout, however it trickles in; quiet connections and requests
 * that arrive in time are left alone. The front's own handlers on an {@link EmbeddedChannel}, in virtual time.
 */
class RequestClockTest {
    private static final long LIMIT_SECONDS = 10;
    private static final String HEAD = "GET /api/v1/dashboard HTTP/1.1\r\nHost: gather\r\nX-Request-Id: r-1\r\n";

    private final List<HttpRequest> routed = new ArrayList<>();
    private final List<Integer> refused = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    RequestClockTest() {
        channel.freezeTime();
        FrontGate gate = new FrontGate(16 * 1024, new ShutdownDrain(), TimeUnit.SECONDS.toNanos(LIMIT_SECONDS), (status, detail, id) -> refused.add(status));
        channel.pipeline().addLast(RequestClock.NAME, gate.clock());
        channel.pipeline().addLast("codec", new HttpServerCodec());
        channel.pipeline().addLast(FrontGate.NAME, gate);
        channel.pipeline().addLast(new AnswerWhenArrived());
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aRequestTrickledAByteAtATimeIsRefusedWhenItsTimeIsUp() {
        byte[] head = HEAD.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 9; i++) {
            send(new String(head, i, 1, StandardCharsets.ISO_8859_1));
            advance(1);                                  // each byte well within any idle timeout
        }
        assertNull(channel.readOutbound(), "nine seconds in, the request may still arrive");
        advance(1);
        String answer = answer();
        assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout"), answer);
        assertTrue(answer.contains("connection: close"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"detail\":\"The request did not arrive in full within the time allowed.\""), answer);
        assertFalse(channel.isOpen());
        assertTrue(routed.isEmpty());
        assertEquals(List.of(408), refused, "counted and logged");
    }

    @Test
    void aBodyTrickledPastTheTimeClosesTheConnectionWithoutASecondAnswer() {
        send(HEAD + "Content-Length: 100\r\n\r\n");
        trickle("x", 9);
        assertEquals(1, routed.size(), "the head was routed: its answer is the application's");
        assertTrue(channel.isOpen());
        advance(1);
        assertFalse(channel.isOpen());
        assertNull(channel.readOutbound(), "no 408 after the application's own answer");
        assertEquals(List.of(408), refused, "but counted and logged as one");
    }

    @Test
    void aChunkedBodyTrickledPastTheTimeIsRefusedBeforeItIsRouted() {
        send(HEAD + "Transfer-Encoding: chunked\r\n\r\n");
        trickle("1\r\nx\r\n", 10);
        String answer = answer();
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("\"instance\":\"/api/v1/dashboard\""), answer);
        assertTrue(routed.isEmpty(), "a chunked body is held until its end, which never came");
    }

    @Test
    void requestsThatArriveInTimeOnOneConnectionAreNeverTimedOutHoweverLongItLives() {
        for (int i = 0; i < 30; i++) {
            send(HEAD.substring(0, 20));
            advance(4);
            send(HEAD.substring(20) + "\r\n");        // each one took 4 s to arrive; the connection lives 150 s
            assertTrue(answer().startsWith("HTTP/1.1 200"));
            advance(1);
        }
        assertEquals(30, routed.size());
        assertTrue(channel.isOpen());
        assertTrue(refused.isEmpty());
    }

    @Test
    void aQuietConnectionIsLeftToTheIdleTimeout() {
        advance(LIMIT_SECONDS * 10);
        assertTrue(channel.isOpen());
        send(HEAD + "\r\n");
        assertTrue(answer().startsWith("HTTP/1.1 200"));
        advance(LIMIT_SECONDS * 10);                      // kept alive, quiet between requests
        assertTrue(channel.isOpen());
        assertNull(channel.readOutbound());
    }

    @Test
    void theClockStartsAgainWithTheNextRequestsFirstByte() {
        send(HEAD + "\r\n");
        assertTrue(answer().startsWith("HTTP/1.1 200"));
        advance(9);
        send(HEAD.substring(0, 10));                     // the timer armed by the first request fires in 1 s
        advance(9);
        assertNull(channel.readOutbound(), "this request began 9 s ago, not 18");
        assertTrue(channel.isOpen());
        advance(1);
        assertTrue(answer().startsWith("HTTP/1.1 408"));
    }

    @Test
    void aTimeOutsideItsBoundsStopsStartupNamingTheKey() {
        FrontSettings settings = new FrontSettings();
        settings.setRequestReadTimeout(Duration.ofMillis(10));
        var e = assertThrows(ConfigurationException.class, settings::check);
        assertTrue(e.getMessage().contains("gather.front.request-read-timeout"), e.getMessage());
    }

    private void send(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code piece} once a second, {@code times} times: each well within any idle timeout. */
    private void trickle(String piece, int times) {
        for (int i = 0; i < times; i++) {
            send(piece);
            advance(1);
        }
    }

    private void advance(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    private String answer() {
        StringBuilder text = new StringBuilder();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            if (out instanceof ByteBuf bytes) {
                text.append(bytes.toString(StandardCharsets.ISO_8859_1));
            }
            ReferenceCountUtil.release(out);
        }
        return text.toString();
    }

    /** Stands for Micronaut: answers 200 once a request has arrived in full. */
    private final class AnswerWhenArrived extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                routed.add(request);
            }
            if (msg instanceof LastHttpContent) {
                DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                ok.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(ok);
            }
            if (msg instanceof HttpContent) {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
