package io.gather.dashboard.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gather.auth.Caller;
import io.gather.clients.orders.OrderPage;
import io.gather.dashboard.DashboardQuery;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.SectionResult.Source;
import io.gather.dashboard.Sections;
import io.gather.dashboard.config.SectionSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * One section's whole stack (cache, stale fallback, deadline, coalescing, bulkhead, breaker, timeout, retry)
 * around a scripted source, with Caffeine time on a fake ticker and Reactor time virtual: no sleeps, no network.
 */
class SectionStackTest {
    private final FakeTicker ticker = new FakeTicker();
    private final SectionPipeline pipeline = new SectionPipeline(new FailureClassifier(), ticker);
    private final SectionSettings settings = new SectionSettings("orders");
    /** What the source does on its next call, given the user: set per test. */
    private final AtomicReference<Function<String, Mono<OrderPage>>> behaviour = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> users = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void defaults() {
        settings.setTimeout(Duration.ofMillis(800));
        settings.getCache().setFresh(Duration.ofSeconds(10));
        settings.getCache().setStaleIfError(Duration.ofSeconds(60));
        answerValue(SectionStackTest::page);
    }

    private static OrderPage page(String user) {
        return new OrderPage(List.of(), user.length());
    }

    private void answer(Function<String, Mono<OrderPage>> b) {
        behaviour.set(b);
    }

    private void answerValue(Function<String, OrderPage> value) {
        answer(user -> Mono.just(value.apply(user)));
    }

    private void fail(Throwable error) {
        answer(user -> Mono.error(error));
    }

    private static HttpClientResponseException status(int code) {
        return new HttpClientResponseException("x", HttpResponse.status(HttpStatus.valueOf(code)));
    }

    private SectionCall<OrderPage> stack() {
        return stack(pipeline);
    }

    private SectionCall<OrderPage> stack(SectionPipeline on) {
        SectionSource<OrderPage> source = request -> Mono.defer(() -> {
            calls.incrementAndGet();
            users.add(request.userId());
            return behaviour.get().apply(request.userId());
        });
        return on.compose(Sections.ORDERS, source, settings);
    }

    /** A breaker without a cache in front that opens after 2 failures of 4 calls. */
    private void smallBreaker() {
        settings.getCache().setEnabled(false);
        settings.getBreaker().setWindow(Duration.ofSeconds(10));
        settings.getBreaker().setMinimumCalls(4);
        settings.getBreaker().setFailureRate(50);
    }

    /** The call, on virtual time, answers "missing: timeout" at the section's 800 ms. */
    private static void timesOut(SectionCall<OrderPage> call) {
        StepVerifier.withVirtualTime(() -> call.call(request("u-1")))
            .expectSubscription()
            .thenAwait(Duration.ofMillis(800))
            .assertNext(r -> assertEquals(Reason.TIMEOUT, assertInstanceOf(Missing.class, r).reason()))
            .verifyComplete();
    }

    private static SectionRequest request(String user) {
        return new SectionRequest(DashboardQuery.ofAll(user, new Caller(user, Set.of("dashboard")), "r-" + user),
            new SectionKey(user, 10), Duration.ofMillis(1500));
    }

    private static SectionResult<OrderPage> now(SectionCall<OrderPage> call, String user) {
        AtomicReference<SectionResult<OrderPage>> out = new AtomicReference<>();
        call.call(request(user)).subscribe(out::set);
        return out.get();
    }

    @Test
    void aFreshEntryIsServedWithoutACallAndSaysItsAge() {
        var call = stack();
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, now(call, "u-1")).source());
        ticker.advance(Duration.ofSeconds(4));
        Ok<?> cached = assertInstanceOf(Ok.class, now(call, "u-1"));
        assertEquals(Source.CACHED, cached.source());
        assertEquals(Duration.ofSeconds(4), cached.age());
        assertEquals(1, calls.get());
    }

    @Test
    void anAgingEntryIsServedOnceMoreWhileItIsRefreshedInTheBackground() {
        settings.getCache().setRefreshAfter(Duration.ofSeconds(5));
        var call = stack();
        answerValue(user -> new OrderPage(List.of(), 1));
        now(call, "u-1");
        answerValue(user -> new OrderPage(List.of(), 2));
        ticker.advance(Duration.ofSeconds(6));
        Ok<?> old = assertInstanceOf(Ok.class, now(call, "u-1"));
        assertEquals(Source.CACHED, old.source());
        assertEquals(1, ((OrderPage) old.value()).totalCount());
        Ok<?> refreshed = assertInstanceOf(Ok.class, now(call, "u-1"));
        assertEquals(Source.CACHED, refreshed.source());
        assertEquals(2, ((OrderPage) refreshed.value()).totalCount());
        assertEquals(Duration.ZERO, refreshed.age());
        assertEquals(2, calls.get());
    }

    @Test
    void aFailedCallServesTheStaleEntryWithinItsAgeAndNotBeyond() {
        var call = stack();
        now(call, "u-1");
        fail(status(503));
        ticker.advance(Duration.ofSeconds(30));
        Ok<?> stale = assertInstanceOf(Ok.class, now(call, "u-1"));
        assertEquals(Source.STALE, stale.source());
        assertEquals(Duration.ofSeconds(30), stale.age());
        assertEquals(Reason.ERROR_STATUS, stale.liveFailure().reason());
        assertEquals(503, stale.liveFailure().upstreamStatus());
        ticker.advance(Duration.ofSeconds(41)); // 71 s: past fresh (10 s) + stale-if-error (60 s)
        Missing<?> gone = assertInstanceOf(Missing.class, now(call, "u-1"));
        assertEquals(Reason.ERROR_STATUS, gone.reason());
    }

    @Test
    void aDeadlineThatCutsInServesTheStaleEntry() {
        var call = stack();
        now(call, "u-1");
        ticker.advance(Duration.ofSeconds(20));
        answer(user -> Mono.never());
        StepVerifier.withVirtualTime(() -> call.call(request("u-1")))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(799))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(r -> {
                Ok<?> stale = assertInstanceOf(Ok.class, r);
                assertEquals(Source.STALE, stale.source());
                assertEquals(Reason.TIMEOUT, stale.liveFailure().reason());
            })
            .verifyComplete();
    }

    @Test
    void aRequestWithLessTimeLeftThanTheSectionTimeoutEndsAtItsOwnDeadline() {
        settings.getCache().setEnabled(false);
        var call = stack();
        answer(user -> Mono.never());
        SectionRequest hurried = new SectionRequest(DashboardQuery.ofAll("u-1", new Caller("u-1", Set.of("dashboard")), "r-1"),
            new SectionKey("u-1", 10), Duration.ofMillis(300));
        StepVerifier.withVirtualTime(() -> call.call(hurried))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(299))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(r -> {
                Missing<?> missing = assertInstanceOf(Missing.class, r);
                assertEquals(Reason.TIMEOUT, missing.reason());
                assertTrue(missing.detail().contains("deadline"), missing.detail());
            })
            .verifyComplete();
    }

    @Test
    void failuresAndEmptyOrBadBodiesAreNeverCached() {
        var call = stack();
        fail(status(500));
        assertInstanceOf(Missing.class, now(call, "u-1"));
        answer(user -> Mono.empty());
        assertEquals(Reason.BAD_BODY, assertInstanceOf(Missing.class, now(call, "u-1")).reason());
        fail(new IllegalArgumentException("a contract field is missing"));
        assertEquals(Reason.BAD_BODY, assertInstanceOf(Missing.class, now(call, "u-1")).reason());
        answerValue(SectionStackTest::page);
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, now(call, "u-1")).source());
        assertEquals(4, calls.get());
    }

    @Test
    void aHundredConcurrentRequestsForOneKeyMakeOneCallCacheOnOrOff() {
        for (boolean cached : new boolean[] {true, false}) {
            settings.getCache().setEnabled(cached);
            calls.set(0);
            Sinks.One<OrderPage> answer = Sinks.one();
            answer(user -> answer.asMono());
            var call = new SectionPipeline(new FailureClassifier(), ticker).compose(Sections.ORDERS, request -> Mono.defer(() -> {
                calls.incrementAndGet();
                return behaviour.get().apply(request.userId());
            }), settings);
            List<SectionResult<OrderPage>> results = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 100; i++) {
                call.call(request("u-1")).subscribe(results::add);
            }
            assertEquals(1, calls.get(), "cache " + cached);
            answer.tryEmitValue(page("u-1"));
            assertEquals(100, results.size());
            assertTrue(results.stream().allMatch(r -> r instanceof Ok<?> ok && ok.source() == Source.LIVE));
        }
    }

    @Test
    void twoUsersNeverShareAnEntry() {
        var call = stack();
        answerValue(user -> new OrderPage(List.of(), user.equals("u-1") ? 1 : 2));
        assertEquals(1, ((OrderPage) ((Ok<?>) now(call, "u-1")).value()).totalCount());
        assertEquals(2, ((OrderPage) ((Ok<?>) now(call, "u-2")).value()).totalCount());
        Ok<?> again = assertInstanceOf(Ok.class, now(call, "u-1"));
        assertEquals(Source.CACHED, again.source());
        assertEquals(1, ((OrderPage) again.value()).totalCount());
        assertEquals(List.of("u-1", "u-2"), users);
    }

    @Test
    void aBlipOfFailuresAmidManySuccessesLeavesTheBreakerClosed() {
        // before: the failure rate was over the last 50 calls, 0.1 s at 500 calls a second, so 30 refused connects in
        // a row opened the breaker of a healthy service; now it is over the last 10 s of calls
        settings.getCache().setEnabled(false);
        var call = stack();
        CircuitBreaker breaker = pipeline.breakers().get("orders");
        answerValue(SectionStackTest::page);
        for (int i = 0; i < 1000; i++) {
            now(call, "ok-" + i);
            if (i % 100 == 0) {
                ticker.advance(Duration.ofSeconds(1));
            }
        }
        fail(status(503));
        for (int i = 0; i < 30; i++) {
            now(call, "blip-" + i);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.getState(), breaker.getMetrics().getFailureRate() + " %");
        for (int i = 0; i < 2000; i++) {
            now(call, "down-" + i);     // the service stays down: the rate crosses 50 % within the window
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
    }

    @Test
    void theBreakerOpensAfterItsThresholdAndHalfOpensAfterItsWait() {
        smallBreaker();
        settings.getBreaker().setWaitInOpen(Duration.ofSeconds(10));
        settings.getBreaker().setHalfOpenCalls(1);
        var call = stack();
        CircuitBreaker breaker = pipeline.breakers().get("orders");
        fail(status(503));
        for (int i = 0; i < 4; i++) {
            assertEquals(Reason.ERROR_STATUS, assertInstanceOf(Missing.class, now(call, "u-" + i)).reason());
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
        assertEquals(Reason.BREAKER_OPEN, assertInstanceOf(Missing.class, now(call, "u-9")).reason());
        assertEquals(4, calls.get(), "an open breaker let a call through");

        ticker.advance(Duration.ofSeconds(10).plusMillis(1));
        answerValue(SectionStackTest::page);
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, now(call, "u-9")).source());
        assertEquals(CircuitBreaker.State.CLOSED, breaker.getState());
        assertEquals(5, calls.get());
    }

    @Test
    void whileTheInstanceIsSaturatedTimeoutsDoNotOpenTheBreakerButErrorsStillDo() {
        smallBreaker();
        AtomicBoolean saturated = new AtomicBoolean(true);
        SectionPipeline loaded = new SectionPipeline(new FailureClassifier(), ticker, List.of(), saturated::get);
        var call = stack(loaded);
        CircuitBreaker breaker = loaded.breakers().get("orders");
        answer(user -> Mono.never());
        for (int i = 0; i < 6; i++) {
            timesOut(call);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.getState(), "Gather's own congestion opened the breaker");
        assertEquals(0, breaker.getMetrics().getNumberOfBufferedCalls());

        fail(status(503));
        for (int i = 0; i < 4; i++) {
            now(call, "u-" + i);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState(), "a failing service is a failing service, busy or not");
    }

    @Test
    void aHalfOpenBreakersTrialCallThatTimesOutOpensItAgainEvenWhileTheInstanceIsSlow() {
        smallBreaker();
        settings.getBreaker().setWaitInOpen(Duration.ofSeconds(10));
        settings.getBreaker().setHalfOpenCalls(1);
        AtomicBoolean saturated = new AtomicBoolean(false);
        SectionPipeline loaded = new SectionPipeline(new FailureClassifier(), ticker, List.of(), saturated::get);
        var call = stack(loaded);
        CircuitBreaker breaker = loaded.breakers().get("orders");
        answer(user -> Mono.never());
        for (int i = 0; i < 4; i++) {
            timesOut(call);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState());

        saturated.set(true);
        ticker.advance(Duration.ofSeconds(10).plusMillis(1));
        timesOut(call);
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState(), "the trial call found the service still slow");
        assertEquals(5, calls.get());
        assertEquals(Reason.BREAKER_OPEN, assertInstanceOf(Missing.class, now(call, "u-2")).reason());
    }

    @Test
    void onceTheInstanceIsNoLongerSaturatedTimeoutsCountAgain() {
        smallBreaker();
        AtomicBoolean saturated = new AtomicBoolean(false);
        SectionPipeline loaded = new SectionPipeline(new FailureClassifier(), ticker, List.of(), saturated::get);
        var call = stack(loaded);
        answer(user -> Mono.never());
        for (int i = 0; i < 4; i++) {
            timesOut(call);
        }
        assertEquals(CircuitBreaker.State.OPEN, loaded.breakers().get("orders").getState());
    }

    @Test
    void aServiceThatTimesOutFromTheFirstCallOpensTheBreakerWhileTheInstanceIsNotSlow() {
        smallBreaker();
        SectionPipeline fresh = new SectionPipeline(new FailureClassifier(), ticker, List.of(), InstanceLoad.NEVER);
        var call = stack(fresh);
        answer(user -> Mono.never());
        for (int i = 0; i < 4; i++) {
            timesOut(call);
        }
        assertEquals(CircuitBreaker.State.OPEN, fresh.breakers().get("orders").getState(),
            "a service slow from startup is not called for the breaker's wait, warm-up or not");
    }

    @Test
    void aUserNotFoundDoesNotCountAgainstTheBreaker() {
        settings.getBreaker().setWindow(Duration.ofSeconds(10));
        settings.getBreaker().setMinimumCalls(4);
        var call = stack();
        fail(status(404));
        for (int i = 0; i < 8; i++) {
            now(call, "unknown-" + i);
        }
        assertEquals(CircuitBreaker.State.CLOSED, pipeline.breakers().get("orders").getState());
    }

    @Test
    void theBulkheadRefusesTheCallOverItsBoundAtOnce() {
        settings.getBulkhead().setMaxConcurrentCalls(2);
        var call = stack();
        answer(user -> Mono.never());
        call.call(request("u-1")).subscribe();
        call.call(request("u-2")).subscribe();
        Missing<?> refused = assertInstanceOf(Missing.class, now(call, "u-3"));
        assertEquals(Reason.BULKHEAD_FULL, refused.reason());
        assertEquals(2, calls.get());
    }

    @Test
    void aCallThatGotNoAnswerIsTriedOnceMoreAndNothingElseIs() {
        settings.getCache().setEnabled(false);
        var call = stack();
        AtomicInteger attempt = new AtomicInteger();
        answer(user -> attempt.incrementAndGet() == 1 ? Mono.error(new ConnectException("refused")) : Mono.just(page(user)));
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, now(call, "u-1")).source());
        assertEquals(2, calls.get());

        calls.set(0);
        fail(status(503));
        assertInstanceOf(Missing.class, now(call, "u-1"));
        assertEquals(1, calls.get(), "an answered call was retried");

        calls.set(0);
        fail(new ConnectException("refused"));
        Missing<?> refused = assertInstanceOf(Missing.class, now(call, "u-1"));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
        assertEquals(2, calls.get(), "retried more than once");
    }

    @Test
    void aResetAsIoUringAndEpollTellItIsTriedAgainAsNiosIs() {
        // Java's NIO throws a SocketException; the native transports Netty's IOException with the errno
        assumeTrue(Epoll.isAvailable(), "Netty's native library loads on Linux only");   // Errors needs it
        settings.getCache().setEnabled(false);
        var call = stack();
        AtomicInteger attempt = new AtomicInteger();
        answer(user -> attempt.incrementAndGet() == 1
            ? Mono.error(Errors.newConnectionResetException("syscall:read", Errors.ERRNO_ECONNRESET_NEGATIVE))
            : Mono.just(page(user)));
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, now(call, "u-1")).source());
        assertEquals(2, calls.get());

        calls.set(0);
        fail(Errors.newIOException("syscall:writev", Errors.ERRNO_EPIPE_NEGATIVE));   // the request may have arrived
        assertEquals(Reason.UNAVAILABLE, assertInstanceOf(Missing.class, now(call, "u-1")).reason());
        assertEquals(1, calls.get(), "a broken pipe was retried");
    }

    @Test
    void aCallThePoolWouldNotQueueIsTriedAgainAfterLongerPauses() {
        settings.getCache().setEnabled(false);
        settings.getRetry().setMinRetries(0);   // no budget: these tries need none, the call never left Gather
        settings.getRetry().setBudgetPercent(0);
        var call = stack();
        AtomicInteger attempt = new AtomicInteger();
        answer(user -> attempt.incrementAndGet() == 1 ? Mono.error(poolFull()) : Mono.just(page(user)));
        // the connections being opened get their time
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, settledAfter(call, 50)).source());
        assertEquals(2, calls.get());

        // a backlog after a collector's pause: the queue is still full 50 ms later, not 150 ms later
        calls.set(0);
        attempt.set(0);
        answer(user -> attempt.incrementAndGet() <= 2 ? Mono.error(poolFull()) : Mono.just(page(user)));
        assertEquals(Source.LIVE, assertInstanceOf(Ok.class, settledAfter(call, 150)).source());
        assertEquals(3, calls.get());

        // the pauses add up to half the section's timeout at most (800 ms here: 50 + 100 + 200), then the call is
        // Gather's congestion, not a timeout of the downstream's
        calls.set(0);
        fail(poolFull());
        assertEquals(Reason.BULKHEAD_FULL, assertInstanceOf(Missing.class, settledAfter(call, 350)).reason());
        assertEquals(4, calls.get(), "a bounded number of tries, not again and again");
    }

    @Test
    void thePoolsPausesLeaveTheCallHalfItsTimeout() {
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)),
            RetryStage.poolPauses(Duration.ofMillis(500)));
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)),
            RetryStage.poolPauses(Duration.ofMillis(1000)));
        assertEquals(List.of(Duration.ofMillis(50)), RetryStage.poolPauses(Duration.ofMillis(100)));
        assertEquals(List.of(), RetryStage.poolPauses(Duration.ofMillis(40)), "a timeout under 100 ms: no pause fits");
    }

    /** The call's one result for user u-1 in virtual time: nothing before {@code millis}, then it settles. */
    private static SectionResult<?> settledAfter(SectionCall<?> call, long millis) {
        AtomicReference<SectionResult<?>> settled = new AtomicReference<>();
        StepVerifier.withVirtualTime(() -> call.call(request("u-1")))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(millis - 1))
            .thenAwait(Duration.ofMillis(1))
            .consumeNextWith(settled::set)
            .verifyComplete();
        return settled.get();
    }

    private static HttpClientException poolFull() {
        return new HttpClientException("Cannot acquire connection, " + FailureClassifier.POOL_FULL + " (128)");
    }

    @Test
    void aTimedOutCallIsNotRetried() {
        settings.getCache().setEnabled(false);
        var call = stack();
        answer(user -> Mono.never());
        timesOut(call);
        assertEquals(1, calls.get());
    }

    @Test
    void retriesStayWithinTheirBudget() {
        settings.getCache().setEnabled(false);
        settings.getBreaker().setEnabled(false);
        settings.getRetry().setBudgetPercent(10);
        settings.getRetry().setMinRetries(2);
        var call = stack();
        fail(new ConnectException("refused"));
        for (int i = 0; i < 100; i++) {
            now(call, "u-" + i);
        }
        // 100 calls earn 10 retries, plus the reserve of 2: never a retry per call
        assertTrue(calls.get() <= 100 + 12, "calls: " + calls.get());
        assertTrue(calls.get() >= 100 + 2, "calls: " + calls.get());
    }

    @Test
    void aServiceThatSaysNotFoundDropsTheEntryAndIsNotServedStale() {
        var call = stack();
        now(call, "u-1");
        ticker.advance(Duration.ofSeconds(20));
        fail(status(404));
        Missing<?> gone = assertInstanceOf(Missing.class, now(call, "u-1"));
        assertEquals(404, gone.upstreamStatus());
        fail(status(503));
        assertInstanceOf(Missing.class, now(call, "u-1"));
    }
}
