package io.gather.dashboard.section;

import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;

/**
 * Sees what each request's section came to, at the top of the section's stack (metrics, fault episodes). Each
 * observer prepares a {@link Recorder} per section once, when the stack is composed, so the hot path does no
 * look-up by name and builds no tags.
 */
public interface SectionObserver {
    Recorder forSection(Section<?> section);

    /** One section's recorder. Called on whichever thread the outcome arrives; must be quick and never throw. */
    interface Recorder {
        /** The section settled for one request after {@code nanos}. */
        void settled(SectionResult<?> result, long nanos);

        /** The request stopped waiting for the section (a required section failed, or the caller went away). */
        void cancelled(long nanos);
    }
}
