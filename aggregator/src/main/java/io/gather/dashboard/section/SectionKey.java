package io.gather.dashboard.section;

import java.util.Objects;

/**
 * Everything a downstream call depends on: whose data, and the call's parameters. It keys the section cache
 * and the coalescing of identical calls, so one user's data can never be served to another.
 *
 * @param userId whose data
 * @param limit  how many items are asked for (ignored by calls without a limit)
 */
public record SectionKey(String userId, int limit) {
    public SectionKey {
        Objects.requireNonNull(userId, "userId");
    }
}
