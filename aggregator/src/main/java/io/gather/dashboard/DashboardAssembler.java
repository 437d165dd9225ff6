package io.gather.dashboard;

import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.SectionCall;
import io.gather.dashboard.section.SectionPipeline;
import io.gather.dashboard.section.SectionRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Fans a dashboard out to every section at once and folds the results into one {@link Dashboard}.
 * Each section settles into a value by its own timeout, which is capped by the request's deadline, so
 * the answer comes as soon as the slowest section settles and never later than the deadline. A missing
 * required section stops the fan-out at once: the other calls are cancelled and there is no dashboard.
 */
@Singleton
public final class DashboardAssembler {
    private final Map<SectionName, SectionCall<?>> calls;
    /** The sections in the order their results come out of the zip. */
    private final List<SectionName> names;
    private final Duration deadline;

    @Inject
    DashboardAssembler(SectionPipeline pipeline, SectionSettingsRegistry settings) {
        this(pipeline.calls(), settings.deadline());
    }

    DashboardAssembler(Map<SectionName, SectionCall<?>> calls, Duration deadline) {
        this.calls = new EnumMap<>(calls);
        this.names = List.copyOf(this.calls.keySet());
        this.deadline = deadline;
    }

    public Mono<Dashboard> assemble(String userId, String requestId) {
        SectionRequest request = new SectionRequest(userId, requestId, deadline);
        List<Mono<SectionResult<?>>> branches = new ArrayList<>(names.size());
        for (SectionName name : names) {
            branches.add(settle(name, calls.get(name), request));
        }
        return Mono.zip(branches, results -> {
            Map<SectionName, SectionResult<?>> byName = new EnumMap<>(SectionName.class);
            for (int i = 0; i < results.length; i++) {
                byName.put(names.get(i), (SectionResult<?>) results[i]);
            }
            return new Dashboard(userId, byName);
        });
    }

    private static Mono<SectionResult<?>> settle(SectionName name, SectionCall<?> call, SectionRequest request) {
        return call.call(request).flatMap(result -> name.required() && result instanceof SectionResult.Missing<?> missing
            ? Mono.error(new RequiredSectionMissing(name, missing))
            : Mono.just(result));
    }
}
