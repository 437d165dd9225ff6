package io.gather.dashboard;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What one section of one dashboard came to: a value, or the reason there is none. Every stage of a
 * section's call produces or passes on one of these; failures are folded into {@link Missing} where they
 * happen, so the fan-out never sees an exception and one section can never fail the others.
 *
 * @param <T> the section's data
 */
public sealed interface SectionResult<T> {

    /** How long the section took, as the stage that settled it measured. */
    Duration took();

    /** Data for the section, and where it came from. */
    record Ok<T>(T value, Source source, Duration took) implements SectionResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * No data for the section.
     *
     * @param reason            why, as a closed set a client can switch on
     * @param detail            one sentence for people; never host names, bodies or tokens
     * @param upstreamStatus    the downstream's HTTP status, for {@link Reason#ERROR_STATUS}
     * @param retryAfterSeconds the downstream's {@code Retry-After} in seconds, when it sent one
     */
    record Missing<T>(Reason reason, String detail, @Nullable Integer upstreamStatus,
                      @Nullable Long retryAfterSeconds, Duration took) implements SectionResult<T> {
        public Missing {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public static <T> Missing<T> of(Reason reason, String detail, Duration took) {
            return new Missing<>(reason, detail, null, null, took);
        }
    }

    /** Where an {@link Ok} value came from. Only LIVE exists until section caching lands. */
    enum Source {
        /** Fetched for this request. */
        LIVE,
        /** Served from the section cache while fresh. */
        CACHED,
        /** Served from the section cache past its freshness, because the live call failed or is refreshing. */
        STALE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a section is missing. */
    enum Reason {
        /** No answer within the section's timeout or the request's deadline. */
        TIMEOUT,
        /** The downstream answered with an error status (see upstreamStatus). */
        ERROR_STATUS,
        /** The downstream answered 2xx with a body that is not the contract's JSON (or too large). */
        BAD_BODY,
        /** The downstream could not be reached, or the connection broke. */
        UNAVAILABLE,
        /** The caller may not see this section. */
        NOT_ALLOWED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
