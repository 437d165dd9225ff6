package io.gather.dashboard;

import static io.gather.dashboard.StandIns.failing;
import static io.gather.dashboard.StandIns.failingAfter;
import static io.gather.dashboard.StandIns.instant;
import static io.gather.dashboard.StandIns.late;
import static io.gather.dashboard.StandIns.mustNotBeCalled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.profile.Profile;
import io.gather.clients.recommendations.RecommendationPage;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.config.SectionSettings;
import io.gather.dashboard.section.FailureClassifier;
import io.gather.dashboard.section.SectionCall;
import io.gather.dashboard.section.SectionPipeline;
import io.gather.dashboard.section.SectionSource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The fan-out, with stand-in sources and virtual time: no sleeps, no network. */
class DashboardAssemblerTest {
    static final Profile PROFILE = new Profile("u-1", "Ada Lovelace", null, null, "gold", "en-GB", null);
    static final OrderPage ORDERS = new OrderPage(List.of(), 0);
    static final NotificationPage NOTIFICATIONS = new NotificationPage(0, List.of());
    static final RecommendationPage RECOMMENDATIONS = new RecommendationPage(List.of(), "reco-v7");
    static final Duration TIMEOUT = Duration.ofMillis(300);

    private final FailureClassifier classifier = new FailureClassifier();

    private DashboardAssembler assembler(Duration deadline, SectionSource<?>... sources) {
        Map<SectionName, SectionCall<?>> calls = new EnumMap<>(SectionName.class);
        for (SectionSource<?> source : sources) {
            SectionSettings settings = new SectionSettings(source.section().id());
            settings.setTimeout(TIMEOUT);
            calls.put(source.section(), SectionPipeline.compose(source, settings, classifier));
        }
        return new DashboardAssembler(calls, deadline);
    }

    private static HttpClientResponseException status(HttpStatus status, String retryAfter) {
        var response = HttpResponse.status(status);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return new HttpClientResponseException(status.getReason(), response);
    }

    @Test
    void allFourStartAtOnceSoTheAnswerTakesAsLongAsTheSlowest() {
        var profile = late(SectionName.PROFILE, PROFILE, Duration.ofMillis(50));
        var orders = late(SectionName.ORDERS, ORDERS, Duration.ofMillis(80));
        var notifications = late(SectionName.NOTIFICATIONS, NOTIFICATIONS, Duration.ofMillis(120));
        var recommendations = late(SectionName.RECOMMENDATIONS, RECOMMENDATIONS, Duration.ofMillis(200));
        var assembler = assembler(Duration.ofSeconds(1), profile, orders, notifications, recommendations);

        StepVerifier.withVirtualTime(() -> assembler.assemble("u-1", "r-1"))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(199))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(d -> {
                assertTrue(d.complete());
                assertEquals(List.of(), d.missing());
                assertEquals(PROFILE, d.profile());
                assertEquals(Duration.ofMillis(200), d.result(SectionName.RECOMMENDATIONS).took());
            })
            .verifyComplete();
        for (var s : List.of(profile, orders, notifications, recommendations)) {
            assertEquals(0, s.calledAtMs.get(), s.section + " started late");
        }
    }

    @Test
    void aLateOptionalSectionIsMissingAtItsTimeoutAndTheRestIsServed() {
        var assembler = assembler(Duration.ofSeconds(1),
            instant(SectionName.PROFILE, PROFILE),
            late(SectionName.ORDERS, ORDERS, Duration.ofSeconds(30)),
            instant(SectionName.NOTIFICATIONS, NOTIFICATIONS),
            instant(SectionName.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble("u-1", "r-1"))
            .expectSubscription()
            .expectNoEvent(TIMEOUT.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(d -> {
                assertFalse(d.complete());
                assertEquals(List.of(SectionName.ORDERS), d.missing());
                Missing<?> orders = assertInstanceOf(Missing.class, d.result(SectionName.ORDERS));
                assertEquals(Reason.TIMEOUT, orders.reason());
                assertEquals(TIMEOUT, orders.took());
                assertEquals(NOTIFICATIONS, d.notifications());
            })
            .verifyComplete();
    }

    @Test
    void aLateRequiredSectionEndsTheRequestAtTheDeadline() {
        Duration deadline = Duration.ofMillis(200); // shorter than the section's own timeout
        var orders = late(SectionName.ORDERS, ORDERS, Duration.ofSeconds(30));
        var assembler = assembler(deadline,
            late(SectionName.PROFILE, PROFILE, Duration.ofSeconds(30)),
            orders,
            instant(SectionName.NOTIFICATIONS, NOTIFICATIONS),
            instant(SectionName.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble("u-1", "r-1"))
            .expectSubscription()
            .expectNoEvent(deadline.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .expectErrorSatisfies(e -> {
                RequiredSectionMissing missing = assertInstanceOf(RequiredSectionMissing.class, e);
                assertEquals(SectionName.PROFILE, missing.section());
                assertEquals(Reason.TIMEOUT, missing.missing().reason());
            })
            .verify();
    }

    @Test
    void aFailedRequiredSectionAnswersAtOnceAndCancelsTheOthers() {
        var orders = late(SectionName.ORDERS, ORDERS, Duration.ofMillis(250));
        var assembler = assembler(Duration.ofSeconds(1),
            failingAfter(SectionName.PROFILE, status(HttpStatus.NOT_FOUND, null), Duration.ofMillis(10)),
            orders,
            instant(SectionName.NOTIFICATIONS, NOTIFICATIONS),
            instant(SectionName.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble("u-1", "r-1"))
            .expectSubscription()
            .thenAwait(Duration.ofMillis(10))
            .expectErrorSatisfies(e -> {
                Missing<?> m = assertInstanceOf(RequiredSectionMissing.class, e).missing();
                assertEquals(Reason.ERROR_STATUS, m.reason());
                assertEquals(404, m.upstreamStatus());
            })
            .verify();
        assertTrue(orders.cancelled.get(), "the orders call outlived the request");
    }

    @Test
    void failuresOfOptionalSectionsBecomeReasons() {
        var assembler = assembler(Duration.ofSeconds(1),
            instant(SectionName.PROFILE, PROFILE),
            failing(SectionName.ORDERS, status(HttpStatus.SERVICE_UNAVAILABLE, "7")),
            failing(SectionName.NOTIFICATIONS, new ConnectException("Connection refused: /10.0.0.7:9103")),
            failing(SectionName.RECOMMENDATIONS, new IllegalArgumentException("amount")));

        StepVerifier.withVirtualTime(() -> assembler.assemble("u-1", "r-1"))
            .assertNext(d -> {
                Missing<?> orders = (Missing<?>) d.result(SectionName.ORDERS);
                assertEquals(Reason.ERROR_STATUS, orders.reason());
                assertEquals(503, orders.upstreamStatus());
                assertEquals(7L, orders.retryAfterSeconds());
                Missing<?> notifications = (Missing<?>) d.result(SectionName.NOTIFICATIONS);
                assertEquals(Reason.UNAVAILABLE, notifications.reason());
                assertFalse(notifications.detail().contains("10.0.0.7"), "a host name leaked");
                assertEquals(Reason.BAD_BODY, ((Missing<?>) d.result(SectionName.RECOMMENDATIONS)).reason());
                assertEquals(List.of(SectionName.ORDERS, SectionName.NOTIFICATIONS, SectionName.RECOMMENDATIONS), d.missing());
            })
            .verifyComplete();
    }

    @Test
    void nothingIsCalledUntilTheAnswerIsWanted() {
        var assembler = assembler(Duration.ofSeconds(1),
            mustNotBeCalled(SectionName.PROFILE), mustNotBeCalled(SectionName.ORDERS),
            mustNotBeCalled(SectionName.NOTIFICATIONS), mustNotBeCalled(SectionName.RECOMMENDATIONS));
        // built, never subscribed (a request cancelled before it started): no downstream is called
        assertInstanceOf(reactor.core.publisher.Mono.class, assembler.assemble("u-1", "r-1"));
    }
}
