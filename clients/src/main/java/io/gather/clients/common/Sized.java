package io.gather.clients.common;

/**
 * A downstream answer that can say about how much heap it holds, so that a cache of them can be bounded in bytes and
 * not only in entries: a page's size depends on what the service sends (titles, links, how many items), not on Gather.
 */
public interface Sized {
    /** About how many bytes of heap this value and what only it refers to take ({@link Footprint}'s estimate). */
    long approximateBytes();
}
