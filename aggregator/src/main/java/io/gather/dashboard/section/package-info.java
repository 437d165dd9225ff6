/**
 * How one section is fetched. A {@link io.gather.dashboard.section.SectionCall} turns a request into a
 * {@link io.gather.dashboard.SectionResult}; a {@link io.gather.dashboard.section.SectionStage} wraps a call
 * with one concern (retry, timeout, breaker, bulkhead, coalescing, deadline, stale fallback, cache), each its
 * own small class. The whole stack of one section is composed in one place,
 * {@link io.gather.dashboard.section.SectionPipeline#compose}.
 */
package io.gather.dashboard.section;
