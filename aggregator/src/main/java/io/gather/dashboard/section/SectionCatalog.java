package io.gather.dashboard.section;

import io.gather.clients.common.Limited;
import io.gather.dashboard.Section;
import io.gather.dashboard.Sections;
import io.gather.dashboard.config.SectionSettings;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every declared section bound to its client bean and composed once, in answer order. */
@Singleton
public final class SectionCatalog {
    private final List<BoundSection<?>> sections = new ArrayList<>();

    SectionCatalog(SectionPipeline pipeline, SectionSettingsRegistry settings, BeanContext beans) {
        for (Section<?> section : Sections.ALL) {
            sections.add(bind(section, pipeline, settings.of(section), beans.getBean(section.clientType())));
        }
    }

    private static <T> BoundSection<T> bind(Section<T> section, SectionPipeline pipeline, SectionSettings s, Object client) {
        // the call is made through the request's trace carrier, if a tracer carries it (CallContext.carried)
        SectionSource<T> source = request -> request.call()
            .carried(() -> section.fetch(client, request.key(), request.call()))
            .flatMap(Bodies::of)
            .map(value -> atMost(value, request.key().limit()));
        return new BoundSection<>(section, pipeline.compose(section, source, s), s.getLimit());
    }

    /** A page cut to the items asked for: a service that ignores {@code limit} does not grow the answer. */
    @SuppressWarnings("unchecked")
    private static <T> T atMost(T value, int limit) {
        return value instanceof Limited<?> page ? (T) page.atMost(limit) : value;
    }

    public List<BoundSection<?>> sections() {
        return List.copyOf(sections);
    }
}
