package io.gather.startup;

import io.gather.auth.Caller;
import io.gather.dashboard.Dashboard;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.DashboardQuery;
import io.gather.dashboard.WarmUpGate;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One dashboard assembled as the context starts. Cold, the first dashboard took 0.6-1 s (class loading, the clients'
 * first connections, the first JSON read of each record, all interpreted): its profile alone 450-630 ms against an
 * 800 ms timeout, so on a busy or slower machine the first callers after a deploy got a 504 (a probe saw one).
 * <p>
 * The warm-up starts before the API port opens and does not hold it closed: while it waits for the downstreams,
 * the server binds and the first request's own cold work (the HTTP front, the token) runs. Dashboards asked for
 * meanwhile start their fan-out when it ends ({@link WarmUpGate}), and readiness is down until then. Whatever the
 * downstreams answer (the user {@value #USER} may well be unknown to them), it ends by the deadline, and dashboards
 * wait for it {@link #MOST_HELD} at most. Its calls are counted in the section metrics like any other.
 */
@Singleton
final class WarmUp implements ApplicationEventListener<StartupEvent> {
    static final String USER = "gather-warm-up";
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** The assembler ends at its deadline; this is only a backstop. */
    private static final Duration BACKSTOP = Duration.ofMinutes(6);
    /**
     * The longest dashboards asked for wait for the warm-up: it ends by the deadline (1.5 s by default), but a
     * deadline may be set to minutes, and a downstream may hang.
     */
    static final Duration MOST_HELD = Duration.ofSeconds(3);

    private final WarmUpSettings settings;
    private final DashboardAssembler assembler;
    private final WarmUpGate gate;

    WarmUp(WarmUpSettings settings, DashboardAssembler assembler, WarmUpGate gate) {
        this.settings = settings;
        this.assembler = assembler;
        this.gate = gate;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!settings.isEnabled()) {
            return;
        }
        long began = System.nanoTime();
        DashboardQuery query = DashboardQuery.ofAll(USER, new Caller(USER, Set.of("dashboard"), null), "gather-warm-up");
        Mono<Dashboard> dashboard = assembler.assemble(query); // asked for before the gate is held: it does not wait for itself
        gate.hold();
        Mono.delay(MOST_HELD).subscribe(t -> gate.open());
        // subscribed here, on the main thread: the calls' setup (the clients, their first connections) is done before
        // the server binds, and the answers come on the event loops while it does. On a thread of its own, on one
        // core, the warm-up's calls timed out while startup held the core.
        dashboard
            .timeout(BACKSTOP)
            .subscribe(
                d -> ended(began, "assembled"),
                e -> ended(began, "ended without a dashboard (" + e.getClass().getSimpleName() + "), which is fine"));
    }

    private void ended(long began, String outcome) {
        gate.open();
        LOG.info("Warm-up: one dashboard for {} {} in {} ms", USER, outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }
}
