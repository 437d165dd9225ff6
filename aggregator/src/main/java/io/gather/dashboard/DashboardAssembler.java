package io.gather.dashboard;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.BoundSection;
import io.gather.dashboard.section.FailureClassifier;
import io.gather.dashboard.section.SectionCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fans a dashboard out to every selected section at once. {@link #settleEach} gives each section's result the
 * moment it settles (the stream); {@link #assemble} folds them into one {@link Dashboard} once the slowest has
 * settled. A section that was not selected is not called and not in the answer; one the caller may not see is
 * not called and settles at once as not-allowed. A missing required section (that the caller selected and may
 * see) stops the fan-out at once: the other calls are cancelled and there is no dashboard. Each branch is
 * guarded so that it can neither fail nor complete empty, and the fan-out as a whole is cut shortly after the
 * deadline: a section that has not settled by then settles as a timeout.
 */
@Singleton
public final class DashboardAssembler {
    /** How far past the deadline the whole fan-out may run before it is cut: a guard against a stage that hangs. */
    static final Duration GUARD = Duration.ofMillis(100);
    private static final Missing<?> NOT_ALLOWED = Missing.of(Reason.NOT_ALLOWED,
        "The token does not grant this section.", Duration.ZERO);

    private final List<BoundSection<?>> sections;
    private final Duration deadline;
    private final FailureClassifier classifier;
    private final CallContexts contexts;
    private final WarmUpGate gate;

    @Inject
    DashboardAssembler(SectionCatalog catalog, SectionSettingsRegistry settings, FailureClassifier classifier, CallContexts contexts,
                       WarmUpGate gate) {
        this(catalog.sections(), settings.deadline(), classifier, contexts, gate);
    }

    DashboardAssembler(List<BoundSection<?>> sections, Duration deadline, FailureClassifier classifier) {
        this(sections, deadline, classifier, new WarmUpGate());
    }

    DashboardAssembler(List<BoundSection<?>> sections, Duration deadline, FailureClassifier classifier, WarmUpGate gate) {
        this(sections, deadline, classifier, CallContexts.NEW_TRACE, gate);
    }

    private DashboardAssembler(List<BoundSection<?>> sections, Duration deadline, FailureClassifier classifier, CallContexts contexts,
                               WarmUpGate gate) {
        this.sections = List.copyOf(sections);
        this.deadline = deadline;
        this.classifier = classifier;
        this.contexts = contexts;
        this.gate = gate;
    }

    /** The whole dashboard, once every selected section has settled (or an error if a required one is missing). */
    public Mono<Dashboard> assemble(DashboardQuery query) {
        return assemble(query, contexts.of(query));
    }

    /** {@link #assemble(DashboardQuery)} with the request's {@link CallContext} given: its ids go downstream, outcomes are noted in it. */
    public Mono<Dashboard> assemble(DashboardQuery query, CallContext context) {
        return settleEach(query, context).collectList().map(settled -> {
            Map<Section<?>, SectionResult<?>> found = new HashMap<>();
            for (SettledSection s : settled) {
                found.put(s.section(), s.result());
            }
            Map<Section<?>, SectionResult<?>> inOrder = new LinkedHashMap<>();
            for (BoundSection<?> b : sections) {
                SectionResult<?> result = found.get(b.section());
                if (result != null) {
                    inOrder.put(b.section(), result);
                }
            }
            return new Dashboard(query.userId(), inOrder);
        });
    }

    /**
     * Each selected section, in the order they settle, exactly once; ends when the last has settled, and never
     * later than the deadline (plus {@link #GUARD}). Fails with {@link RequiredSectionMissing} (after the sections
     * settled before it) when a required section is missing; the calls still under way are then cancelled, as they
     * are when the subscriber cancels. While the {@link WarmUpGate} is held, the fan-out (and its deadline) starts
     * when it opens.
     */
    public Flux<SettledSection> settleEach(DashboardQuery query) {
        return settleEach(query, contexts.of(query));
    }

    /** {@link #settleEach(DashboardQuery)} with the request's {@link CallContext} given (see {@link CallContexts}). */
    public Flux<SettledSection> settleEach(DashboardQuery query, CallContext context) {
        return gate.after(() -> {
            List<Mono<SettledSection>> branches = new ArrayList<>(sections.size());
            Set<Section<?>> pending = new LinkedHashSet<>();
            for (BoundSection<?> section : sections) {
                if (query.selects(section.section())) {
                    context.ask(section.section());
                    branches.add(settle(section, query, context));
                    pending.add(section.section());
                }
            }
            return Flux.merge(branches)
                .take(deadline.plus(GUARD))
                .doOnNext(s -> pending.remove(s.section()))
                .concatWith(Flux.defer(() -> cut(pending, context)));
        });
    }

    /** The sections the guard cut before they settled: timeouts, and no dashboard if one of them is required. */
    private Flux<SettledSection> cut(Set<Section<?>> pending, CallContext context) {
        List<SettledSection> timedOut = new ArrayList<>(pending.size());
        for (Section<?> section : pending) {
            Missing<?> timeout = Missing.of(Reason.TIMEOUT, "No answer within the request's deadline.", deadline);
            context.note(section, new CallContext.SectionOutcome(timeout, deadline.plus(GUARD).toNanos()));
            if (section.required()) {
                return Flux.error(new RequiredSectionMissing(section, timeout));
            }
            timedOut.add(new SettledSection(section, timeout));
        }
        return Flux.fromIterable(timedOut);
    }

    private Mono<SettledSection> settle(BoundSection<?> bound, DashboardQuery query, CallContext context) {
        Section<?> section = bound.section();
        if (!query.mayRead(section)) {
            // not called, not read from the cache; and never a reason to refuse the whole dashboard
            context.note(section, new CallContext.SectionOutcome(NOT_ALLOWED, 0));
            return Mono.just(new SettledSection(section, NOT_ALLOWED));
        }
        return bound.run(query, context, deadline)
            .<SectionResult<?>>map(r -> r)
            .switchIfEmpty(Mono.fromSupplier(() -> Missing.of(Reason.UNAVAILABLE, "The section came to nothing.", Duration.ZERO)))
            .onErrorResume(e -> Mono.just(classifier.classify(e, Duration.ZERO)))
            .flatMap(result -> section.required() && result instanceof Missing<?> missing
                ? Mono.error(new RequiredSectionMissing(section, missing))
                : Mono.just(new SettledSection(section, result)));
    }
}
