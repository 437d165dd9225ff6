package io.gather.http.front;

/**
 * Told of every request the front refuses, which never reaches routing, filters or the access log: so an operator
 * sees a flood of malformed or slow requests in the metrics and the log ({@code io.gather.observe.FrontRefusalLog}).
 */
public interface FrontRefusalObserver {
    /** Observes nothing (tests). */
    FrontRefusalObserver NONE = (status, detail, requestId) -> { };

    /** {@code detail} is the fixed sentence of the refusal, never input; {@code requestId} the answer's. */
    void refused(int status, String detail, String requestId);
}
