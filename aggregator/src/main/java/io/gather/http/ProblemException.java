package io.gather.http;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

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
    private final List<String> violatedPolicies;
    private final String parameter;
    private final List<String> validValues;

    public ProblemException(int status, String type, String title, String detail,
                            @Nullable String section, @Nullable String reason) {
        this(status, type, title, detail, section, reason, null, null, null);
    }

    private ProblemException(int status, String type, String title, String detail,
                             @Nullable String section, @Nullable String reason, @Nullable List<String> violatedPolicies,
                             @Nullable String parameter, @Nullable List<String> validValues) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.section = section;
        this.reason = reason;
        this.violatedPolicies = violatedPolicies == null ? null : List.copyOf(violatedPolicies);
        this.parameter = parameter;
        this.validValues = validValues == null ? null : List.copyOf(validValues);
    }

    /** A 429 naming the rate-limit policies the request exceeded ({@code violated-policies}). */
    public static ProblemException quotaExceeded(String type, String title, String detail, List<String> violatedPolicies) {
        return new ProblemException(429, type, title, detail, null, null, violatedPolicies, null, null);
    }

    /** A 400 for a query parameter that is not valid, naming it and the values it may have. */
    public static ProblemException invalidParameter(String parameter, List<String> validValues, String detail) {
        return new ProblemException(400, Problem.TYPE_BASE + "invalid-parameter", "Invalid query parameter", detail,
            null, null, null, parameter, validValues);
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

    @Nullable
    public List<String> violatedPolicies() {
        return violatedPolicies;
    }

    @Nullable
    public String parameter() {
        return parameter;
    }

    @Nullable
    public List<String> validValues() {
        return validValues;
    }
}
