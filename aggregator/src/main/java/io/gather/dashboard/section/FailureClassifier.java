package io.gather.dashboard.section;

import io.gather.clients.connection.ClosedUnanswered;
import io.gather.clients.connection.UnreadableResponse;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.EmptyResponseException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.http.codec.CodecException;
import io.micronaut.serde.exceptions.SerdeException;
import io.netty.channel.unix.Errors;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why a downstream call failed, in words safe to show a caller: exception messages name hosts and
 * ports, so they go to the debug log only, and the detail is one of a few fixed sentences.
 */
@Singleton
public final class FailureClassifier {
    /** The most {@code retryAfterSeconds} passed on from a service. */
    static final long MAX_RETRY_AFTER_SECONDS = 3600;

    private static final Logger LOG = LoggerFactory.getLogger(FailureClassifier.class);
    /** What micronaut-http-client's pool says when {@code pool.max-pending-acquires} calls already wait. */
    static final String POOL_FULL = "exceeded max pending acquires";

    public <T> Missing<T> classify(Throwable failure, Duration took) {
        LOG.debug("downstream call failed", failure);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Missing<T> known = classifyOne(t, took);
            if (known != null) {
                return known;
            }
        }
        return Missing.of(Reason.UNAVAILABLE, "The service could not be reached.", took);
    }

    private static <T> Missing<T> classifyOne(Throwable t, Duration took) {
        if (t instanceof HttpClientResponseException e) {
            int status = e.code();
            if (status >= 200 && status < 300) {
                return Missing.of(Reason.BAD_BODY, "The service answered " + status + " with a body that is not the expected JSON.", took);
            }
            if (status < 100 || status > 599) {
                // RFC 9110 §15: a status is 100-599; 999 is not one, and Micronaut named it "CUSTOM"
                return Missing.of(Reason.BAD_BODY, "The service answered with HTTP that could not be read.", took);
            }
            String phrase = HttpStatus.getDefaultReason(status);
            phrase = phrase == null || "CUSTOM".equals(phrase) ? "" : phrase;
            return new Missing<>(Reason.ERROR_STATUS, ("The service answered " + status + " " + phrase).trim() + ".",
                status, retryAfterSeconds(e), false, took);
        }
        if (t instanceof UnreadableResponse) {
            return Missing.of(Reason.BAD_BODY, "The service answered with HTTP that could not be read.", took);
        }
        if (t instanceof ContentLengthExceededException) {
            return Missing.of(Reason.BAD_BODY, "The service answered with a body larger than allowed.", took);
        }
        if (t instanceof EmptyResponseException) {
            return Missing.of(Reason.BAD_BODY, "The service answered without a body.", took);
        }
        if (t instanceof ReadTimeoutException || t instanceof TimeoutException) {
            return Missing.of(Reason.TIMEOUT, "The service did not answer in time.", took);
        }
        if (t instanceof HttpClientException e && e.getMessage() != null && e.getMessage().contains(POOL_FULL)) {
            // the client pool's own wait queue was full: Gather's congestion, not the service's fault (no breaker count)
            return Missing.of(Reason.BULKHEAD_FULL, "Too many calls to the service were waiting for a connection; this one was not made.", took);
        }
        if (t instanceof ClosedUnanswered) {
            // nothing came back: the call may be made again (a server's idle timeout racing the request, a restart)
            return Missing.noAnswer("The service closed the connection without answering.", took);
        }
        if (t instanceof ResponseClosedException) {
            return Missing.of(Reason.UNAVAILABLE, "The connection closed before the answer was complete.", took);
        }
        if (t instanceof BadBody b) {
            return Missing.of(Reason.BAD_BODY, b.getMessage(), took);
        }
        if (t instanceof CodecException || t instanceof SerdeException || t instanceof ConversionErrorException
            || t instanceof com.fasterxml.jackson.core.JsonProcessingException
            || t instanceof IllegalArgumentException || t instanceof NullPointerException) {
            // Record constructors reject bodies that parse but break the contract (missing id, bad amount).
            return Missing.of(Reason.BAD_BODY, "The service answered with a body that is not the expected JSON.", took);
        }
        if (t instanceof java.net.ConnectException) {
            return Missing.noAnswer("The service refused the connection.", took);
        }
        if (t instanceof java.net.SocketException || isReset(t)) {
            // reset before any answer (a half-sent answer surfaces as ResponseClosedException instead)
            return Missing.noAnswer("The service reset the connection.", took);
        }
        if (t instanceof IOException) {
            return Missing.of(Reason.UNAVAILABLE, "The connection to the service broke.", took);
        }
        return null;
    }

    /**
     * A reset as epoll and io_uring tell it: Netty's own {@code IOException}, where Java's NIO throws a
     * {@code SocketException}. Such an exception exists only once Netty's native library is loaded, which
     * {@code Errors}' constants need.
     */
    private static boolean isReset(Throwable t) {
        return t instanceof Errors.NativeIoException n && n.expectedErr() == Errors.ERRNO_ECONNRESET_NEGATIVE;
    }

    /**
     * {@code Retry-After} as delay-seconds; an HTTP-date is turned into seconds from now. At most an hour: it is shown
     * to callers, and a service's "come back in 73 years" (a date in 2099) says nothing a caller can act on.
     */
    private static Long retryAfterSeconds(HttpClientResponseException e) {
        String value = e.getResponse().getHeaders().get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Math.min(MAX_RETRY_AFTER_SECONDS, Long.parseLong(v));
        }
        if (v.matches("\\d+")) {
            return MAX_RETRY_AFTER_SECONDS;  // more seconds than a long holds is still "later than an hour"
        }
        try {
            java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
            long seconds = Duration.between(java.time.Instant.now(), at.toInstant()).toSeconds();
            return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
        } catch (java.time.format.DateTimeParseException ignored) {
            return null;
        }
    }
}
