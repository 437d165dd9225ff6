package io.gather.dashboard.view;

import io.gather.dashboard.Section;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a caller sees of each section: a view maps a section's data (the downstream's record) to what the answer
 * carries, one projection per section. A section the view names no projection for is shown as it is. Views are
 * data, declared once in {@link Views}; the HTTP layer only looks one up by name.
 */
public final class View {
    private final String id;
    private final Map<Section<?>, Function<Object, ?>> projections;

    private View(String id, Map<Section<?>, Function<Object, ?>> projections) {
        this.id = Objects.requireNonNull(id, "id");
        this.projections = Map.copyOf(projections);
    }

    /** A view that shows every section as it is. */
    public static View identity(String id) {
        return new View(id, Map.of());
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

    @Override
    public String toString() {
        return id;
    }

    /** Collects one projection per section. */
    public static final class Builder {
        private final String id;
        private final Map<Section<?>, Function<Object, ?>> projections = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public <T> Builder show(Section<T> section, Function<? super T, ?> projection) {
            Objects.requireNonNull(projection, "projection");
            projections.put(section, value -> projection.apply(section.type().cast(value)));
            return this;
        }

        public View build() {
            return new View(id, projections);
        }
    }
}
