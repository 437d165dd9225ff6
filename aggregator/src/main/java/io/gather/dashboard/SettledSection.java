package io.gather.dashboard;

import java.util.Objects;

/** One section of a dashboard as it settles: the section and what it came to. */
public record SettledSection(Section<?> section, SectionResult<?> result) {
    public SettledSection {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(result, "result");
    }
}
