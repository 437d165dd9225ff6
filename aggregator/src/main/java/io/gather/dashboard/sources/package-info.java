/** One {@link io.gather.dashboard.section.SectionSource} per section: the downstream client call, and nothing else. */
package io.gather.dashboard.sources;
