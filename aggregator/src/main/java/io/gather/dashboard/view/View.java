package io.gather.dashboard.view;

import io.gather.dashboard.Section;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a caller sees of each section: a view maps a section's data (the downstream's record) to what the answer
 * carries, one projection per section. A section the view names no projection for is shown as it is. Views are
 * data, declared once in {@link Views}; the HTTP layer only looks one up by name. A view also says whether the
 * answer's {@code sections} lists every section's status, or only those that are not ok (stale or missing).
 */
public final class View {
    private final String id;
    private final Map<Section<?>, Function<Object, ?>> projections;
    private final boolean listsOkSections;

    private View(String id, Map<Section<?>, Function<Object, ?>> projections, boolean listsOkSections) {
        this.id = Objects.requireNonNull(id, "id");
        this.projections = Map.copyOf(projections);
        this.listsOkSections = listsOkSections;
    }

    /** A view that shows every section as it is, and every section's status. */
    public static View identity(String id) {
        return new View(id, Map.of(), true);
    }

    public static Builder named(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    /** What this view shows of {@code value}, the data of {@code section}. */
    public Object project(Section<?> section, Object value) {
        Function<Object, ?> projection = projections.get(section);
        return projection == null ? value : projection.apply(value);
    }

    /** Whether {@code sections} lists sections whose state is ok too, or only the stale and missing ones. */
    public boolean listsOkSections() {
        return listsOkSections;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Collects one projection per section. */
    public static final class Builder {
        private final String id;
        private final Map<Section<?>, Function<Object, ?>> projections = new LinkedHashMap<>();
        private boolean listsOkSections = true;

        private Builder(String id) {
            this.id = id;
        }

        public <T> Builder show(Section<T> section, Function<? super T, ?> projection) {
            Objects.requireNonNull(projection, "projection");
            projections.put(section, value -> projection.apply(section.type().cast(value)));
            return this;
        }

        /** The answer's {@code sections} lists only the sections that are not ok. */
        public Builder onlyProblemStatuses() {
            listsOkSections = false;
            return this;
        }

        public View build() {
            return new View(id, projections, listsOkSections);
        }
    }
}
