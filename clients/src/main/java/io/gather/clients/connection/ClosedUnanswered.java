package io.gather.clients.connection;

import java.io.IOException;

/** The connection closed after the request was sent and before any byte of its answer came. */
public final class ClosedUnanswered extends IOException {
    ClosedUnanswered() {
        super("The connection closed before any answer came", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;  // an outcome, not a bug: no stack to fill
    }
}
