package io.gather.http;

import io.micronaut.core.annotation.Nullable;

/**
 * Ends a request with a problem whose every word is safe to show the caller. Carries no stack trace:
 * it is an answer, not a bug.
 */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String section;
    private final String reason;

    public ProblemException(int status, String type, String title, String detail,
                            @Nullable String section, @Nullable String reason) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.section = section;
        this.reason = reason;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    @Nullable
    public String section() {
        return section;
    }

    @Nullable
    public String reason() {
        return reason;
    }
}
