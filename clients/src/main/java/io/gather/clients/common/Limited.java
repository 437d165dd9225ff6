package io.gather.clients.common;

/**
 * A page of items a service was asked to keep to a number ({@code limit}): one that sends more is cut to it, so a
 * caller never gets more than Gather asked for, whatever the service does.
 *
 * @param <P> the page's own type
 */
public interface Limited<P> {
    /** This page with at most its first {@code limit} items; itself when it has no more. */
    P atMost(int limit);
}
