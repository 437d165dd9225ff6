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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Fans a dashboard out to every section at once and folds the results into one {@link Dashboard}.
 * Each section settles into a value within the request's deadline, so the answer comes as soon as the
 * slowest section settles. A section the caller may not see is not called at all. A missing required section
 * (that the caller may see) stops the fan-out at once: the other calls are cancelled and there is no dashboard. Each branch is guarded so that it can neither fail nor complete
 * empty (either would end the whole zip), and the fan-out as a whole has the deadline around it too.
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

    @Inject
    DashboardAssembler(SectionCatalog catalog, SectionSettingsRegistry settings, FailureClassifier classifier, CallContexts contexts) {
        this(catalog.sections(), settings.deadline(), classifier, contexts);
    }

    DashboardAssembler(List<BoundSection<?>> sections, Duration deadline, FailureClassifier classifier) {
        this(sections, deadline, classifier, CallContexts.NEW_TRACE);
    }

    private DashboardAssembler(List<BoundSection<?>> sections, Duration deadline, FailureClassifier classifier, CallContexts contexts) {
        this.sections = List.copyOf(sections);
        this.deadline = deadline;
        this.classifier = classifier;
        this.contexts = contexts;
    }

    /** The dashboard for {@code query}, in the call context of the request being served (see {@link CallContexts}). */
    public Mono<Dashboard> assemble(DashboardQuery query) {
        return assemble(query, contexts.of(query));
    }

    /** The dashboard for {@code query}; its section calls carry {@code context}, and note their outcomes in it. */
    public Mono<Dashboard> assemble(DashboardQuery query, CallContext context) {
        return Mono.defer(() -> {
            List<Mono<SectionResult<?>>> branches = new ArrayList<>(sections.size());
            for (int i = 0; i < sections.size(); i++) {
                branches.add(settle(sections.get(i), query, context));
            }
            return Mono.zip(branches, results -> {
                Map<Section<?>, SectionResult<?>> bySection = new LinkedHashMap<>();
                for (int i = 0; i < results.length; i++) {
                    bySection.put(sections.get(i).section(), (SectionResult<?>) results[i]);
                }
                return new Dashboard(query.userId(), bySection);
            });
        }).timeout(deadline.plus(GUARD), Mono.error(() -> new RequiredSectionMissing(firstRequired(),
            Missing.of(Reason.TIMEOUT, "No answer within the request's deadline.", deadline))));
    }

    private Section<?> firstRequired() {
        for (BoundSection<?> b : sections) {
            if (b.section().required()) {
                return b.section();
            }
        }
        return sections.get(0).section();
    }

    private Mono<SectionResult<?>> settle(BoundSection<?> bound, DashboardQuery query, CallContext context) {
        Section<?> section = bound.section();
        if (!query.mayRead(section)) {
            // not called, not read from the cache; and never a reason to refuse the whole dashboard
            context.note(section, new CallContext.SectionOutcome(NOT_ALLOWED, 0));
            return Mono.just(NOT_ALLOWED);
        }
        return bound.run(query, context, deadline)
            .<SectionResult<?>>map(r -> r)
            .switchIfEmpty(Mono.fromSupplier(() -> Missing.of(Reason.UNAVAILABLE, "The section came to nothing.", Duration.ZERO)))
            .onErrorResume(e -> Mono.just(classifier.classify(e, Duration.ZERO)))
            .flatMap(result -> section.required() && result instanceof Missing<?> missing
                ? Mono.error(new RequiredSectionMissing(section, missing))
                : Mono.just(result));
    }
}
