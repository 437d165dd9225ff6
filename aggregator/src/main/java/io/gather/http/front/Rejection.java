package io.gather.http.front;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Why the front refuses a request: the status, a fixed sentence for {@code detail} and, when asking again soon makes
 * sense, a {@code Retry-After} in seconds (0: none). Never built from request input, so nothing a caller sends is
 * reflected.
 */
record Rejection(HttpResponseStatus status, String detail, int retryAfterSeconds) {
    static final Rejection NOT_HTTP = bad("The bytes received are not an HTTP/1.1 request.");
    static final Rejection UNPARSABLE = bad("The request line or a header field is not valid HTTP/1.1.");
    static final Rejection LINE_TOO_LONG = new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG,
        "The request line is longer than allowed.");
    static final Rejection HEADERS_TOO_LARGE = new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
        "The request's header fields are larger than allowed.");
    static final Rejection BODY_TOO_LARGE = new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "The request body is larger than allowed.");
    static final Rejection BAD_CHUNK = bad("The request's chunked body is malformed.");
    static final Rejection LENGTH_AND_CODING = bad("The request has both Content-Length and Transfer-Encoding.");
    static final Rejection CODING_NOT_CHUNKED = bad("The request's transfer coding does not end in chunked.");
    static final Rejection CODING_IN_HTTP_1_0 = bad("An HTTP/1.0 request cannot carry Transfer-Encoding.");
    static final Rejection CODING_UNKNOWN = new Rejection(HttpResponseStatus.NOT_IMPLEMENTED,
        "The only transfer coding accepted is chunked.");
    static final Rejection METHOD_UNKNOWN = new Rejection(HttpResponseStatus.NOT_IMPLEMENTED,
        "The request method is not one Gather implements (methods are case-sensitive).");
    static final Rejection VERSION_UNSUPPORTED = new Rejection(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
        "Only HTTP/1.1 and HTTP/1.0 are spoken here.");
    static final Rejection VERSION_INVALID = bad("The HTTP version must be written HTTP/1.1 or HTTP/1.0.");
    static final Rejection TARGET_INVALID = bad("The request target is not a valid origin-form or absolute-form URI.");
    static final Rejection HOST_MISSING = bad("An HTTP/1.1 request needs exactly one Host header field.");
    static final Rejection HOST_REPEATED = bad("The request has more than one Host header field.");
    static final Rejection HOST_INVALID = bad("The Host header field is not a valid host and port.");
    static final Rejection CREDENTIALS_REPEATED = bad("The request has more than one Authorization header field.");
    static final Rejection REQUEST_TIMEOUT = new Rejection(HttpResponseStatus.REQUEST_TIMEOUT,
        "The request did not arrive in full within the time allowed.");
    static final Rejection TOO_MANY_CONNECTIONS = new Rejection(HttpResponseStatus.SERVICE_UNAVAILABLE,
        "This instance has as many connections open as it allows; ask again and another may answer.", 1);
    static final Rejection SHUTTING_DOWN = new Rejection(HttpResponseStatus.SERVICE_UNAVAILABLE,
        "This instance is shutting down; ask again and another will answer.", 1);

    Rejection(HttpResponseStatus status, String detail) {
        this(status, detail, 0);
    }

    /** Tells {@code observer} of this refusal; {@code requestId} is its answer's ("-" when it had none). */
    void reportTo(FrontRefusalObserver observer, String requestId) {
        observer.refused(status.code(), detail, requestId);
    }

    /** What a request the decoder failed on gets. */
    static Rejection ofDecoderFailure(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return LINE_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HEADERS_TOO_LARGE;
        }
        if (cause instanceof AmbiguousFraming) {
            return LENGTH_AND_CODING;
        }
        if (cause instanceof NotHttp) {
            return NOT_HTTP;
        }
        return UNPARSABLE;
    }

    private static Rejection bad(String detail) {
        return new Rejection(HttpResponseStatus.BAD_REQUEST, detail);
    }

    /** The decoder met Content-Length beside Transfer-Encoding: chunked (see {@link FramingHeaders}). */
    static final class AmbiguousFraming extends IllegalArgumentException {
        AmbiguousFraming() {
            super("Content-Length with Transfer-Encoding", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The first bytes on a connection cannot start an HTTP/1.1 request (see {@link NotHttpSniffer}). */
    static final class NotHttp extends IllegalArgumentException {
        NotHttp() {
            super("not HTTP/1.1", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
