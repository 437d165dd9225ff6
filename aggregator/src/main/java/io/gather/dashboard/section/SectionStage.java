package io.gather.dashboard.section;

/** One concern wrapped around a section's call (the middleware of the section stack). */
public interface SectionStage {
    /** A stage that adds nothing: what a switched-off concern (cache, breaker, retry) is. */
    SectionStage NONE = new SectionStage() {
        @Override
        public <T> SectionCall<T> around(SectionCall<T> next) {
            return next;
        }
    };

    <T> SectionCall<T> around(SectionCall<T> next);
}
