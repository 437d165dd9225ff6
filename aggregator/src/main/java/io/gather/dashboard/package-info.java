/**
 * The dashboard's model and its assembly. {@link io.gather.dashboard.SectionResult} is the one type to
 * read first: a section is a value (ok, from cache, stale, or missing and why), never an exception, and
 * {@link io.gather.dashboard.Dashboard} folds four of them into one answer that knows whether it is complete.
 */
package io.gather.dashboard;
