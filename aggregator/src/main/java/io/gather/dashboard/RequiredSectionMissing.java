package io.gather.dashboard;

/** A required section has no data, so there is no dashboard to answer with. The HTTP layer picks 404/502/504. */
public final class RequiredSectionMissing extends RuntimeException {
    private final Section<?> section;
    private final SectionResult.Missing<?> missing;

    public RequiredSectionMissing(Section<?> section, SectionResult.Missing<?> missing) {
        super(section.id() + " is missing: " + missing.reason().id(), null, false, false);
        this.section = section;
        this.missing = missing;
    }

    public Section<?> section() {
        return section;
    }

    public SectionResult.Missing<?> missing() {
        return missing;
    }
}
