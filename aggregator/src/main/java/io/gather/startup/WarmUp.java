package io.gather.startup;

import io.gather.auth.Caller;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.DashboardQuery;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dashboard assembled as the context starts, before the API port opens. Cold, the first dashboard took 0.6-1 s
 * (class loading, the clients' first connections, the first JSON read of each record, all interpreted): its profile
 * alone 450-630 ms against an 800 ms timeout, so on a busy or slower machine the first callers after a deploy got a
 * 504 (a probe saw one). The warm-up pays that once, on the main thread, bounded by the deadline: whatever the
 * downstreams answer (the user {@value #USER} may well be unknown to them), startup goes on. Its calls are counted
 * in the section metrics like any other.
 */
@Singleton
final class WarmUp implements ApplicationEventListener<StartupEvent> {
    static final String USER = "gather-warm-up";
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** The assembler ends at its deadline; this is only a backstop. */
    private static final Duration BACKSTOP = Duration.ofMinutes(6);

    private final WarmUpSettings settings;
    private final DashboardAssembler assembler;

    WarmUp(WarmUpSettings settings, DashboardAssembler assembler) {
        this.settings = settings;
        this.assembler = assembler;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!settings.isEnabled()) {
            return;
        }
        long began = System.nanoTime();
        String outcome;
        try {
            DashboardQuery query = DashboardQuery.ofAll(USER, new Caller(USER, Set.of("dashboard"), null), "gather-warm-up");
            outcome = assembler.assemble(query).map(d -> "assembled").block(BACKSTOP);
        } catch (RuntimeException e) {
            outcome = "ended without a dashboard (" + e.getClass().getSimpleName() + "), which is fine";
        }
        LOG.info("Warm-up: one dashboard for {} {} in {} ms", USER, outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }
}
