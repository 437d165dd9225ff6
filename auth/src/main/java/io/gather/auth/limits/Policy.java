package io.gather.auth.limits;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One rate-limit policy: at most {@code quota} requests per {@code window}, counted per client or per user.
 * The quota comes back whole at the end of each window (Bucket4j's interval refill), so the {@code RateLimit}
 * field's {@code t} is the time to the next window.
 */
public record Policy(String name, long quota, Duration window, Per per) {
    /** Policy names appear in header fields as Structured Field strings: keep them plain. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** Whom one bucket counts. */
    public enum Per {
        CLIENT, USER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Policy {
        if (!NAME.matcher(name).matches() || quota < 1 || window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("not a valid policy: " + name);
        }
    }

    public long windowSeconds() {
        return window.toSeconds();
    }
}
