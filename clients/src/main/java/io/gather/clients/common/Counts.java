package io.gather.clients.common;

import io.micronaut.core.annotation.Nullable;

/** A count in a service's answer: present and not negative, or the body breaks the contract. */
public final class Counts {
    private Counts() {
    }

    /** Throws, naming the field, unless {@code count} is there and at least 0. */
    public static void check(@Nullable Integer count, String field) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException(field);
        }
    }
}
