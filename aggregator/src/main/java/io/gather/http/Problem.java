package io.gather.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem, written as {@code application/problem+json}. {@code status} always equals the
 * response's status. Extension members: {@code requestId} (to find the request in the logs),
 * {@code section} and {@code reason} (which required section failed, and why).
 */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    @Nullable String requestId,
    @Nullable String section,
    @Nullable String reason) {

    /** Where Gather's own problem types are documented (README, "Errors"). */
    public static final String TYPE_BASE = "https://gather.dev/problems/";
    /** For problems that are nothing more than their HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";
    public static final String MEDIA_TYPE = "application/problem+json";
}
