package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.Sections;
import io.gather.dashboard.section.SectionObserver;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ShutdownEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A downstream's faults are logged as one warning per episode, never per request. */
class FaultEpisodesTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FaultEpisodes.LOGGER);

    @BeforeEach
    void attach() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    private long warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void manyFailingRequestsMakeOneWarning() {
        SectionObserver.Recorder orders = new FaultEpisodes().forSection(Sections.ORDERS);
        SectionResult<Object> timeout = Missing.of(Reason.TIMEOUT, "No answer within 800 ms.", Duration.ofMillis(800));
        for (int i = 0; i < 500; i++) {
            orders.settled(timeout, 800_000_000L);
            orders.settled(Ok.stale("x", Duration.ofSeconds(20), (Missing<Object>) timeout), 800_000_000L);
            orders.settled(Ok.live("x", Duration.ofMillis(20)), 20_000_000L); // a success amid faults ends nothing
        }
        assertEquals(1, warnings(), log.list.toString());
        String message = log.list.get(0).getFormattedMessage();
        assertTrue(message.contains("Section orders") && message.contains("timeout"), message);
    }

    @Test
    void callsFailedByGathersOwnShutdownWarnOfNothing() {
        FaultEpisodes episodes = new FaultEpisodes();
        SectionResult<Object> unreachable = Missing.of(Reason.UNAVAILABLE, "The service could not be reached.", Duration.ZERO);
        episodes.forSection(Sections.PROFILE).settled(unreachable, 0);
        assertEquals(1, warnings(), "a fault before the shutdown is the service's");

        episodes.shutdownGracefully();
        SectionObserver.Recorder recommendations = episodes.forSection(Sections.RECOMMENDATIONS);
        recommendations.settled(unreachable, 0);
        recommendations.settled(Missing.of(Reason.BULKHEAD_FULL, "Too many calls.", Duration.ZERO), 0);
        assertEquals(1, warnings(), log.list.toString());
    }

    @Test
    void withoutAGracefulShutdownTheContextsStopSilencesThem() {
        FaultEpisodes episodes = new FaultEpisodes();
        episodes.onApplicationEvent(new ShutdownEvent(BeanContext.build()));
        episodes.forSection(Sections.ORDERS).settled(Missing.of(Reason.UNAVAILABLE, "The service could not be reached.", Duration.ZERO), 0);
        assertEquals(0, warnings(), log.list.toString());
    }

    @Test
    void answersThatAreNotFaultsWarnOfNothing() {
        SectionObserver.Recorder profile = new FaultEpisodes().forSection(Sections.PROFILE);
        profile.settled(Missing.of(Reason.BREAKER_OPEN, "open", Duration.ZERO), 0);
        profile.settled(new Missing<>(Reason.ERROR_STATUS, "404", 404, null, false, Duration.ZERO), 0);
        profile.settled(Missing.of(Reason.NOT_ALLOWED, "no", Duration.ZERO), 0);
        profile.settled(Ok.cached("x", Duration.ofSeconds(3), Duration.ZERO), 0);
        assertEquals(0, warnings());
    }

    @Test
    void anOpenBreakerKeepsTheEpisodeGoing() {
        // before: the breaker's refusals read as quiet, and the episode "ended" while the section was still missing
        AtomicLong now = new AtomicLong();
        SectionObserver.Recorder orders = new FaultEpisodes(now::get).forSection(Sections.ORDERS);
        orders.settled(Missing.of(Reason.TIMEOUT, "No answer within 800 ms.", Duration.ofMillis(800)), 0);
        SectionResult<Object> open = Missing.of(Reason.BREAKER_OPEN, "The service failed often lately.", Duration.ZERO);
        for (int s = 1; s <= 25; s++) {
            now.set(TimeUnit.SECONDS.toNanos(s));
            orders.settled(open, 0);
        }
        now.set(TimeUnit.SECONDS.toNanos(31));
        orders.settled(Ok.live("x", Duration.ofMillis(20)), 0);
        assertEquals(1, log.list.size(), "31 s after its first fault, 6 s after its last: still in the episode " + log.list);
        now.set(TimeUnit.SECONDS.toNanos(56));
        orders.settled(Ok.live("x", Duration.ofMillis(20)), 0);
        String end = log.list.get(1).getFormattedMessage();
        assertTrue(end.contains("the episode lasted 25 s, 26 section answers met a fault"), end);
    }
}
