package io.gather.dashboard.section;

/** One concern wrapped around a section's call (the middleware of the section stack). */
public interface SectionStage {
    <T> SectionCall<T> around(SectionCall<T> next);
}
