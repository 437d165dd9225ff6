package io.gather.dashboard.section;

import io.gather.dashboard.SectionName;
import io.gather.dashboard.config.SectionSettings;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds every section's call, once, from its source and its settings. */
@Singleton
public final class SectionPipeline {
    private final Map<SectionName, SectionCall<?>> calls;

    SectionPipeline(List<SectionSource<?>> sources, SectionSettingsRegistry settings, FailureClassifier classifier) {
        Map<SectionName, SectionCall<?>> built = new EnumMap<>(SectionName.class);
        for (SectionSource<?> source : sources) {
            built.put(source.section(), compose(source, settings.of(source.section()), classifier));
        }
        if (built.size() != SectionName.values().length) {
            throw new ConfigurationException("a section has no source: " + built.keySet());
        }
        this.calls = Collections.unmodifiableMap(built);
    }

    /**
     * One section's stack, innermost first. This is the place to read (and extend) what happens to a
     * section's call: caching, the breaker, the bulkhead and metrics go here, one line each.
     */
    public static <T> SectionCall<T> compose(SectionSource<T> source, SectionSettings settings, FailureClassifier classifier) {
        return new Fetching<>(source, classifier)           // the downstream call; any failure becomes "missing: why"
            .with(new TimeoutStage(settings.getTimeout())); // never past the section's timeout or the request's deadline
    }

    public Map<SectionName, SectionCall<?>> calls() {
        return calls;
    }
}
