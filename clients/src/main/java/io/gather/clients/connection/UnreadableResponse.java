package io.gather.clients.connection;

/** A downstream's response that is not HTTP the client can read (its cause says what the codec met). */
public final class UnreadableResponse extends RuntimeException {
    UnreadableResponse(Throwable cause) {
        super("The response is not readable HTTP", cause, false, false);
    }
}
