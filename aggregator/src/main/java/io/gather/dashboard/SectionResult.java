package io.gather.dashboard;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What one section of one dashboard came to: a value, or the reason there is none. The bottom stage of a
 * section's stack folds every failure into {@link Missing}, so each stage above (retry, breaker, stale
 * fallback, cache) decides from a value, never from an exception, and the fan-out never sees one.
 *
 * @param <T> the section's data
 */
public sealed interface SectionResult<T> {

    /** How long the section took, as the stage that settled it measured. */
    Duration took();

    /**
     * Data for the section, and where it came from.
     *
     * @param age         how old the data is: zero when live, the time since it was fetched when cached or stale
     * @param liveFailure for {@link Source#STALE}: why the live call failed
     */
    record Ok<T>(T value, Source source, Duration age, @Nullable Missing<T> liveFailure, Duration took)
        implements SectionResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(age, "age");
            if ((source == Source.STALE) != (liveFailure != null)) {
                throw new IllegalArgumentException("a stale value, and only a stale one, says why the live call failed");
            }
        }

        public static <T> Ok<T> live(T value, Duration took) {
            return new Ok<>(value, Source.LIVE, Duration.ZERO, null, took);
        }

        public static <T> Ok<T> cached(T value, Duration age, Duration took) {
            return new Ok<>(value, Source.CACHED, age, null, took);
        }

        public static <T> Ok<T> stale(T value, Duration age, Missing<T> liveFailure) {
            return new Ok<>(value, Source.STALE, age, liveFailure, liveFailure.took());
        }
    }

    /**
     * No data for the section.
     *
     * @param reason            why, as a closed set a client can switch on
     * @param detail            one sentence for people; never host names, bodies or tokens
     * @param upstreamStatus    the downstream's HTTP status, for {@link Reason#ERROR_STATUS}
     * @param retryAfterSeconds the downstream's {@code Retry-After} in seconds, when it sent one
     * @param noAnswer          the call failed before any answer (refused, reset): trying again is safe
     */
    record Missing<T>(Reason reason, String detail, @Nullable Integer upstreamStatus,
                      @Nullable Long retryAfterSeconds, boolean noAnswer, Duration took) implements SectionResult<T> {
        public Missing {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public static <T> Missing<T> of(Reason reason, String detail, Duration took) {
            return new Missing<>(reason, detail, null, null, false, took);
        }

        /** A failure before any answer: the request may never have reached the service. */
        public static <T> Missing<T> noAnswer(String detail, Duration took) {
            return new Missing<>(Reason.UNAVAILABLE, detail, null, null, true, took);
        }

        /** Whether this says the downstream is unwell (breakers count it), rather than answering something valid. */
        public boolean downstreamFault() {
            return switch (reason) {
                case TIMEOUT, UNAVAILABLE, BAD_BODY -> true;
                case ERROR_STATUS -> upstreamStatus == null || upstreamStatus >= 500 || upstreamStatus == 429;
                case BREAKER_OPEN, BULKHEAD_FULL, NOT_ALLOWED -> false;
            };
        }

        @SuppressWarnings("unchecked")
        public <U> Missing<U> retype() {
            return (Missing<U>) this;
        }
    }

    /** Where an {@link Ok} value came from. */
    enum Source {
        /** Fetched for this request. */
        LIVE,
        /** Served from the section cache while fresh. */
        CACHED,
        /** Served from the section cache past its freshness, because the live call failed. */
        STALE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a section is missing (or, for a stale one, why the live call failed). */
    enum Reason {
        /** No answer within the section's timeout or the request's deadline. */
        TIMEOUT,
        /** The downstream answered with an error status (see upstreamStatus). */
        ERROR_STATUS,
        /** The downstream answered 2xx with a body that is not the contract's JSON (or too large). */
        BAD_BODY,
        /** The downstream could not be reached, or the connection broke. */
        UNAVAILABLE,
        /** The downstream's circuit breaker is open: it failed often lately, so it was not called. */
        BREAKER_OPEN,
        /** Too many calls to the downstream are under way: this one was refused, not queued. */
        BULKHEAD_FULL,
        /** The caller may not see this section. */
        NOT_ALLOWED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
