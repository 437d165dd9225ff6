/**
 * How one section is fetched. A {@link io.gather.dashboard.section.SectionCall} turns a request into a
 * {@link io.gather.dashboard.SectionResult}; a {@link io.gather.dashboard.section.SectionStage} wraps a
 * call with one concern (timeout today; cache, breaker, bulkhead and metrics next). The whole stack of one
 * section is composed in one place, {@link io.gather.dashboard.section.SectionPipeline#compose}.
 */
package io.gather.dashboard.section;
