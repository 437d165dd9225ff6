package io.gather.clients.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A downstream exchange holds its connection for at most max-exchange-time, however its answer trickles in;
 * answers that end in time leave the connection open for the next call. The handler on an {@link EmbeddedChannel},
 * in virtual time.
 */
class ResponseFramingTest {
    private static final long LIMIT_SECONDS = 10;

    private final EmbeddedChannel channel = new EmbeddedChannel();

    ResponseFramingTest() {
        channel.freezeTime();
        channel.pipeline().addLast(ResponseFraming.NAME, new ResponseFraming(TimeUnit.SECONDS.toNanos(LIMIT_SECONDS)));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void anAnswerThatNeverEndsLosesItsConnectionWhenItsTimeIsUp() {
        call();
        answer(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        for (int second = 1; second < LIMIT_SECONDS; second++) {
            answer(new DefaultHttpContent(Unpooled.copiedBuffer("1,", StandardCharsets.US_ASCII)));  // a byte or two a second
            elapse(1);
            assertTrue(channel.isActive(), "still within its time after " + second + " s");
        }
        elapse(1);
        assertFalse(channel.isActive(), "closed at " + LIMIT_SECONDS + " s, its answer still not ended");
    }

    @Test
    void aServiceThatNeverAnswersLosesItsConnectionToo() {
        call();
        elapse(LIMIT_SECONDS);
        assertFalse(channel.isActive());
    }

    @Test
    void answersThatEndInTimeKeepTheConnectionWhateverTheirNumber() {
        for (int i = 0; i < 30; i++) {      // 30 calls of 2 s each, back to back: 60 s on one connection
            call();
            elapse(2);
            answer(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
            answer(LastHttpContent.EMPTY_LAST_CONTENT);
            assertTrue(channel.isActive(), "call " + i);
        }
        elapse(3 * LIMIT_SECONDS);          // and a quiet pooled connection is not timed at all
        assertTrue(channel.isActive());
    }

    @Test
    void eachCallHasItsOwnTime() {
        call();
        elapse(LIMIT_SECONDS - 1);
        answer(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        answer(LastHttpContent.EMPTY_LAST_CONTENT);
        call();                             // the next call starts its own 10 s, 1 s before the first call's timer fires
        elapse(LIMIT_SECONDS - 1);
        assertTrue(channel.isActive(), "9 s into the second call");
        elapse(1);
        assertFalse(channel.isActive(), "10 s into the second call");
    }

    @Test
    void bytesLeftAfterAnAnswerCloseTheConnectionBeforeThePoolHasItBack() {
        EmbeddedChannel wire = withCodec();
        wire.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/users/u-1/orders"));
        // a Content-Length 10 bytes short: the codec would read the rest as the start of the next call's answer
        wire.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{\"a\":1234567890}"));
        assertFalse(wire.isActive(), "closed");
        assertEquals(200, ((HttpResponse) wire.readInbound()).status().code());
        Object last = wire.readInbound();
        assertTrue(last instanceof LastHttpContent, "the answer still ends, as long as it said it was: " + last);
        ReferenceCountUtil.release(last);
        wire.finishAndReleaseAll();
    }

    @Test
    void anAnswerThatEndsWhereItSaidKeepsTheConnection() {
        EmbeddedChannel wire = withCodec();
        for (int i = 0; i < 3; i++) {
            wire.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/users/u-1/orders"));
            wire.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
            assertTrue(wire.isActive(), "call " + i);
        }
        wire.finishAndReleaseAll();
    }

    @Test
    void bytesWhenNothingWasAskedCloseTheConnection() {
        EmbeddedChannel wire = withCodec();
        wire.writeInbound(bytes("HTTP/1.1 2"));    // not even a whole line: the codec alone would keep it for later
        assertFalse(wire.isActive());
        assertNull(wire.readInbound());
        wire.finishAndReleaseAll();
    }

    @Test
    void theLimitIsCheckedAtStartup() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(11)}) {
            DownstreamSettings settings = new DownstreamSettings();
            settings.setMaxExchangeTime(bad);
            assertThrows(ConfigurationException.class, settings::check, String.valueOf(bad));
        }
        DownstreamSettings unset = new DownstreamSettings();
        assertEquals(Duration.ofSeconds(10), unset.maxExchangeTimeInForce(Duration.ofMillis(1500)), "10 s for the default deadline");
        assertEquals(Duration.ofSeconds(24), unset.maxExchangeTimeInForce(Duration.ofSeconds(12)), "twice a longer deadline");
        DownstreamSettings set = new DownstreamSettings();
        set.setMaxExchangeTime(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), set.maxExchangeTimeInForce(Duration.ofMillis(1500)));
    }

    /** The handler as installed: its intake ahead of a real HTTP codec, itself behind. */
    private static EmbeddedChannel withCodec() {
        ResponseFraming framing = new ResponseFraming(TimeUnit.SECONDS.toNanos(LIMIT_SECONDS));
        EmbeddedChannel wire = new EmbeddedChannel();
        wire.pipeline().addLast(ResponseFraming.INTAKE, framing.intake());
        wire.pipeline().addLast("codec", new HttpClientCodec());
        wire.pipeline().addLast(ResponseFraming.NAME, framing);
        return wire;
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private void call() {
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/users/u-1/orders"));
        ReferenceCountUtil.release(channel.readOutbound());
    }

    private void answer(HttpObject part) {
        channel.writeInbound(part);
        ReferenceCountUtil.release(channel.readInbound());
    }

    private void elapse(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }
}
