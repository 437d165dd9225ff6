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
import io.gather.auth.Caller;
import io.gather.dashboard.StandIns.StandIn;
import io.gather.dashboard.section.BoundSection;
import io.gather.dashboard.section.SectionPipeline;
import io.gather.dashboard.view.Views;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The fan-out, with stand-in sources and virtual time: no sleeps, no network. */
class DashboardAssemblerTest {
    static final Profile PROFILE = new Profile("u-1", "Ada Lovelace", null, null, "gold", "en-GB", null);
    static final OrderPage ORDERS = new OrderPage(List.of(), 0);
    static final NotificationPage NOTIFICATIONS = new NotificationPage(0, List.of());
    static final RecommendationPage RECOMMENDATIONS = new RecommendationPage(List.of(), "reco-v7");
    static final Duration TIMEOUT = Duration.ofMillis(300);

    private final FailureClassifier classifier = new FailureClassifier();

    static final DashboardQuery QUERY = DashboardQuery.ofAll("u-1", new Caller("u-1", Set.of("dashboard")), "r-1");

    /** The real stack around each stand-in (cache off: these tests are about the fan-out), on virtual time. */
    private DashboardAssembler assembler(Duration deadline, StandIn<?>... sources) {
        SectionPipeline pipeline = new SectionPipeline(classifier, () -> Schedulers.parallel().now(TimeUnit.NANOSECONDS));
        List<BoundSection<?>> bound = new ArrayList<>();
        for (StandIn<?> source : sources) {
            bound.add(bind(pipeline, source));
        }
        return new DashboardAssembler(bound, deadline, classifier);
    }

    private static <T> BoundSection<T> bind(SectionPipeline pipeline, StandIn<T> source) {
        SectionSettings settings = new SectionSettings(source.section.id());
        settings.setTimeout(TIMEOUT);
        settings.getCache().setEnabled(false);
        return new BoundSection<>(source.section, pipeline.compose(source.section, source, settings), settings.getLimit());
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
        var profile = late(Sections.PROFILE, PROFILE, Duration.ofMillis(50));
        var orders = late(Sections.ORDERS, ORDERS, Duration.ofMillis(80));
        var notifications = late(Sections.NOTIFICATIONS, NOTIFICATIONS, Duration.ofMillis(120));
        var recommendations = late(Sections.RECOMMENDATIONS, RECOMMENDATIONS, Duration.ofMillis(200));
        var assembler = assembler(Duration.ofSeconds(1), profile, orders, notifications, recommendations);

        StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(199))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(d -> {
                assertTrue(d.complete());
                assertEquals(List.of(), d.missing());
                assertEquals(PROFILE, d.value(Sections.PROFILE));
                assertEquals(Duration.ofMillis(200), d.result(Sections.RECOMMENDATIONS).took());
            })
            .verifyComplete();
        for (var s : List.of(profile, orders, notifications, recommendations)) {
            assertEquals(0, s.calledAtMs.get(), s.section + " started late");
        }
    }

    @Test
    void whileTheWarmUpGateIsHeldNoSectionIsCalledAndTheDeadlineStartsWhenItOpens() {
        var profile = instant(Sections.PROFILE, PROFILE);
        var orders = late(Sections.ORDERS, ORDERS, Duration.ofMillis(80));
        SectionPipeline pipeline = new SectionPipeline(classifier, () -> Schedulers.parallel().now(TimeUnit.NANOSECONDS));
        WarmUpGate gate = new WarmUpGate();
        gate.hold();
        var assembler = new DashboardAssembler(List.of(bind(pipeline, profile), bind(pipeline, orders)), Duration.ofMillis(500),
            classifier, gate);

        // a task far ahead keeps virtual time moving while nothing else is scheduled (otherwise it is applied later at once)
        StepVerifier.withVirtualTime(() -> {
                Schedulers.parallel().schedule(() -> { }, 1, TimeUnit.HOURS);
                return assembler.assemble(QUERY);
            })
            .expectSubscription()
            .expectNoEvent(Duration.ofSeconds(2)) // longer than the deadline: it has not started
            .then(() -> {
                assertEquals(-1, profile.calledAtMs.get(), "profile called while the gate was held");
                gate.open();
            })
            .thenAwait(Duration.ofMillis(80))
            .assertNext(d -> {
                assertTrue(d.complete());
                assertEquals(ORDERS, d.value(Sections.ORDERS));
            })
            .verifyComplete();
        assertEquals(2000, profile.calledAtMs.get(), "profile called when the gate opened");
    }

    @Test
    void aLateOptionalSectionIsMissingAtItsTimeoutAndTheRestIsServed() {
        var assembler = assembler(Duration.ofSeconds(1),
            instant(Sections.PROFILE, PROFILE),
            late(Sections.ORDERS, ORDERS, Duration.ofSeconds(30)),
            instant(Sections.NOTIFICATIONS, NOTIFICATIONS),
            instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
            .expectSubscription()
            .expectNoEvent(TIMEOUT.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(d -> {
                assertFalse(d.complete());
                assertEquals(List.of(Sections.ORDERS), d.missing());
                Missing<?> orders = assertInstanceOf(Missing.class, d.result(Sections.ORDERS));
                assertEquals(Reason.TIMEOUT, orders.reason());
                assertEquals(TIMEOUT, orders.took());
                assertEquals(NOTIFICATIONS, d.value(Sections.NOTIFICATIONS));
            })
            .verifyComplete();
    }

    @Test
    void aLateRequiredSectionEndsTheRequestAtTheDeadline() {
        Duration deadline = Duration.ofMillis(200); // shorter than the section's own timeout
        var orders = late(Sections.ORDERS, ORDERS, Duration.ofSeconds(30));
        var assembler = assembler(deadline,
            late(Sections.PROFILE, PROFILE, Duration.ofSeconds(30)),
            orders,
            instant(Sections.NOTIFICATIONS, NOTIFICATIONS),
            instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
            .expectSubscription()
            .expectNoEvent(deadline.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .expectErrorSatisfies(e -> {
                RequiredSectionMissing missing = assertInstanceOf(RequiredSectionMissing.class, e);
                assertEquals(Sections.PROFILE, missing.section());
                assertEquals(Reason.TIMEOUT, missing.missing().reason());
            })
            .verify();
    }

    @Test
    void aFailedRequiredSectionAnswersAtOnceAndCancelsTheOthers() {
        var orders = late(Sections.ORDERS, ORDERS, Duration.ofMillis(250));
        var assembler = assembler(Duration.ofSeconds(1),
            failingAfter(Sections.PROFILE, status(HttpStatus.NOT_FOUND, null), Duration.ofMillis(10)),
            orders,
            instant(Sections.NOTIFICATIONS, NOTIFICATIONS),
            instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS));

        StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
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
            instant(Sections.PROFILE, PROFILE),
            failing(Sections.ORDERS, status(HttpStatus.SERVICE_UNAVAILABLE, "7")),
            failing(Sections.NOTIFICATIONS, new ConnectException("Connection refused: /10.0.0.7:9103")),
            failing(Sections.RECOMMENDATIONS, new IllegalArgumentException("amount")));

        StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
            .assertNext(d -> {
                Missing<?> orders = (Missing<?>) d.result(Sections.ORDERS);
                assertEquals(Reason.ERROR_STATUS, orders.reason());
                assertEquals(503, orders.upstreamStatus());
                assertEquals(7L, orders.retryAfterSeconds());
                Missing<?> notifications = (Missing<?>) d.result(Sections.NOTIFICATIONS);
                assertEquals(Reason.UNAVAILABLE, notifications.reason());
                assertFalse(notifications.detail().contains("10.0.0.7"), "a host name leaked");
                assertEquals(Reason.BAD_BODY, ((Missing<?>) d.result(Sections.RECOMMENDATIONS)).reason());
                assertEquals(List.of(Sections.ORDERS, Sections.NOTIFICATIONS, Sections.RECOMMENDATIONS), d.missing());
            })
            .verifyComplete();
    }

    @Test
    void aServicesRetryAfterIsPassedOnUpToAnHour() {
        for (String[] c : new String[][] {{"999999999", "3600"}, {"Wed, 21 Oct 2099 07:28:00 GMT", "3600"},
            {"Thu, 01 Jan 1970 00:00:00 GMT", "0"}, {"120", "120"}}) {
            var assembler = assembler(Duration.ofSeconds(1), instant(Sections.PROFILE, PROFILE),
                failing(Sections.ORDERS, status(HttpStatus.SERVICE_UNAVAILABLE, c[0])),
                instant(Sections.NOTIFICATIONS, NOTIFICATIONS), instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS));
            StepVerifier.withVirtualTime(() -> assembler.assemble(QUERY))
                .assertNext(d -> assertEquals(Long.valueOf(c[1]), ((Missing<?>) d.result(Sections.ORDERS)).retryAfterSeconds(), c[0]))
                .verifyComplete();
        }
    }

    @Test
    void nothingIsCalledUntilTheAnswerIsSubscribedTo() {
        var sources = List.of(instant(Sections.PROFILE, PROFILE), instant(Sections.ORDERS, ORDERS),
            instant(Sections.NOTIFICATIONS, NOTIFICATIONS), instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS));
        var assembler = assembler(Duration.ofSeconds(1), sources.toArray(StandIn[]::new));
        var dashboard = assembler.assemble(QUERY);
        for (var s : sources) {
            assertEquals(0, s.calls.get(), s.section + " was called before anyone subscribed");
        }
        StepVerifier.create(dashboard).assertNext(d -> assertTrue(d.complete())).verifyComplete();
        for (var s : sources) {
            assertEquals(1, s.calls.get(), s.section + " was not called exactly once");
        }
    }

    @Test
    void aStageThatCompletesEmptyCannotEmptyTheDashboard() {
        SectionPipeline pipeline = new SectionPipeline(classifier, () -> 0L);
        var assembler = new DashboardAssembler(List.of(
            bind(pipeline, instant(Sections.PROFILE, PROFILE)),
            new BoundSection<>(Sections.ORDERS, request -> reactor.core.publisher.Mono.empty(), 10),
            bind(pipeline, instant(Sections.NOTIFICATIONS, NOTIFICATIONS)),
            bind(pipeline, instant(Sections.RECOMMENDATIONS, RECOMMENDATIONS))), Duration.ofSeconds(1), classifier);
        StepVerifier.create(assembler.assemble(QUERY))
            .assertNext(d -> assertEquals(List.of(Sections.ORDERS), d.missing()))
            .verifyComplete();
    }

    @Test
    void eachSectionIsEmittedTheMomentItSettles() {
        var assembler = assembler(Duration.ofSeconds(1),
            late(Sections.PROFILE, PROFILE, Duration.ofMillis(50)),
            late(Sections.ORDERS, ORDERS, Duration.ofMillis(80)),
            late(Sections.NOTIFICATIONS, NOTIFICATIONS, Duration.ofMillis(120)),
            late(Sections.RECOMMENDATIONS, RECOMMENDATIONS, Duration.ofMillis(200)));

        StepVerifier.withVirtualTime(() -> assembler.settleEach(QUERY))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(50))
            .assertNext(s -> assertEquals(Sections.PROFILE, s.section()))
            .expectNoEvent(Duration.ofMillis(30))
            .assertNext(s -> assertEquals(Sections.ORDERS, s.section()))
            .expectNoEvent(Duration.ofMillis(40))
            .assertNext(s -> assertEquals(Sections.NOTIFICATIONS, s.section()))
            .expectNoEvent(Duration.ofMillis(80))
            .assertNext(s -> {
                assertEquals(Sections.RECOMMENDATIONS, s.section());
                assertEquals(RECOMMENDATIONS, ((SectionResult.Ok<?>) s.result()).value());
            })
            .verifyComplete();
    }

    @Test
    void sectionsThatWereNotSelectedAreNotCalledAndNotInTheDashboard() {
        var assembler = assembler(Duration.ofSeconds(1),
            instant(Sections.PROFILE, PROFILE),
            instant(Sections.ORDERS, ORDERS),
            mustNotBeCalled(Sections.NOTIFICATIONS),
            mustNotBeCalled(Sections.RECOMMENDATIONS));

        StepVerifier.create(assembler.assemble(QUERY.select(Set.of("orders", "profile"), Views.COMPACT)))
            .assertNext(d -> {
                assertEquals(List.of(Sections.PROFILE, Sections.ORDERS), List.copyOf(d.sections().keySet()));
                assertTrue(d.complete());
            })
            .verifyComplete();
    }

    @Test
    void anUnselectedRequiredSectionCannotFailTheDashboard() {
        var assembler = assembler(Duration.ofSeconds(1),
            mustNotBeCalled(Sections.PROFILE),
            instant(Sections.ORDERS, ORDERS),
            mustNotBeCalled(Sections.NOTIFICATIONS),
            mustNotBeCalled(Sections.RECOMMENDATIONS));

        StepVerifier.create(assembler.assemble(QUERY.select(Set.of("orders"), Views.FULL)))
            .assertNext(d -> assertEquals(List.of(Sections.ORDERS), List.copyOf(d.sections().keySet())))
            .verifyComplete();
    }

    @Test
    void cancellingTheStreamCancelsTheCallsUnderWay() {
        var orders = late(Sections.ORDERS, ORDERS, Duration.ofSeconds(30));
        var recommendations = late(Sections.RECOMMENDATIONS, RECOMMENDATIONS, Duration.ofSeconds(30));
        var assembler = assembler(Duration.ofSeconds(1),
            instant(Sections.PROFILE, PROFILE), orders, instant(Sections.NOTIFICATIONS, NOTIFICATIONS), recommendations);

        StepVerifier.withVirtualTime(() -> assembler.settleEach(QUERY))
            .expectSubscription()
            .expectNextCount(2)
            .thenAwait(Duration.ofMillis(100))
            .thenCancel()
            .verify();
        assertTrue(orders.cancelled.get(), "the orders call outlived the stream");
        assertTrue(recommendations.cancelled.get(), "the recommendations call outlived the stream");
    }

    @Test
    void aStageThatNeverSettlesIsCutAtTheDeadlineAndTheGuard() {
        Duration deadline = Duration.ofMillis(500);
        SectionPipeline pipeline = new SectionPipeline(classifier, () -> Schedulers.parallel().now(TimeUnit.NANOSECONDS));
        var hanging = new BoundSection<>(Sections.ORDERS, request -> reactor.core.publisher.Mono.never(), 10);
        var assembler = new DashboardAssembler(List.of(bind(pipeline, instant(Sections.PROFILE, PROFILE)), hanging),
            deadline, classifier);

        StepVerifier.withVirtualTime(() -> assembler.settleEach(QUERY))
            .expectSubscription()
            .assertNext(s -> assertEquals(Sections.PROFILE, s.section()))
            .expectNoEvent(deadline.plus(DashboardAssembler.GUARD).minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(s -> {
                assertEquals(Sections.ORDERS, s.section());
                assertEquals(Reason.TIMEOUT, assertInstanceOf(Missing.class, s.result()).reason());
            })
            .verifyComplete();

        var hangingProfile = new BoundSection<>(Sections.PROFILE, request -> reactor.core.publisher.Mono.never(), 10);
        var noProfile = new DashboardAssembler(List.of(hangingProfile, bind(pipeline, instant(Sections.ORDERS, ORDERS))),
            deadline, classifier);
        StepVerifier.withVirtualTime(() -> noProfile.assemble(QUERY))
            .expectSubscription()
            .thenAwait(deadline.plus(DashboardAssembler.GUARD))
            .expectErrorSatisfies(e -> assertEquals(Sections.PROFILE, assertInstanceOf(RequiredSectionMissing.class, e).section()))
            .verify();
    }
}
