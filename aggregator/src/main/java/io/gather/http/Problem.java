package io.gather.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem, written as {@code application/problem+json}. {@code status} always equals the
 * response's status. Extension members: {@code requestId} (to find the request in the logs),
 * {@code section} and {@code reason} (which required section failed, and why), {@code violated-policies}
 * (the rate-limit policies a 429 exceeded, as draft-ietf-httpapi-ratelimit-headers names the member),
 * {@code parameter} and {@code validValues} (which query parameter of a 400 is not valid, and what it may be).
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
    @Nullable String reason,
    @Nullable @JsonProperty(VIOLATED_POLICIES) List<String> violatedPolicies,
    @Nullable String parameter,
    @Nullable List<String> validValues) {

    /** The draft's extension member naming the policies a 429 exceeded. */
    public static final String VIOLATED_POLICIES = "violated-policies";

    /** A problem without rate-limit members. */
    public Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                   @Nullable String requestId, @Nullable String section, @Nullable String reason) {
        this(type, title, status, detail, instance, requestId, section, reason, null, null, null);
    }

    /** Where Gather's own problem types are documented (README, "Errors"). */
    public static final String TYPE_BASE = "https://gather.dev/problems/";
    /** For problems that are nothing more than their HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";
    public static final String MEDIA_TYPE = "application/problem+json";
}
