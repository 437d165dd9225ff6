package io.gather.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's dashboard: every section's result, in section order. It is complete when every section
 * has data; an incomplete dashboard is still an answer, and says which sections are missing and why.
 */
public record Dashboard(String userId, Map<Section<?>, SectionResult<?>> sections) {
    public Dashboard {
        Objects.requireNonNull(userId, "userId");
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public boolean complete() {
        for (SectionResult<?> r : sections.values()) {
            if (!(r instanceof SectionResult.Ok)) {
                return false;
            }
        }
        return true;
    }

    public List<Section<?>> missing() {
        List<Section<?>> missing = new ArrayList<>(2);
        sections.forEach((section, result) -> {
            if (result instanceof SectionResult.Missing) {
                missing.add(section);
            }
        });
        return missing;
    }

    public SectionResult<?> result(Section<?> section) {
        return sections.get(section);
    }

    /** The section's data, or null when it is missing. */
    public <T> T value(Section<T> section) {
        return sections.get(section) instanceof SectionResult.Ok<?> ok ? section.type().cast(ok.value()) : null;
    }
}
