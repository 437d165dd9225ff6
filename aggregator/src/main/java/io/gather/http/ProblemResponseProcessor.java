package io.gather.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every error response as {@code application/problem+json}, whatever raised it. Details come
 * only from Gather's own {@link ProblemException}s and from fixed sentences per status: framework and
 * exception messages can name classes, hosts or input, so they never reach the body.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
    /** The request attribute that holds the problem answered, for the access log. */
    public static final String PROBLEM_ATTRIBUTE = "gather.problem";

    private final JsonMapper json;

    ProblemResponseProcessor(JsonMapper json) {
        this.json = json;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String requestId = RequestIds.of(context.getRequest());
        String instance = context.getRequest().getPath();
        Problem problem = context.getRootCause()
            .filter(ProblemException.class::isInstance)
            .map(ProblemException.class::cast)
            .map(p -> new Problem(p.type(), p.title(), status, p.getMessage(), instance, requestId, p.section(), p.reason(),
                p.violatedPolicies(), p.parameter(), p.validValues()))
            .orElseGet(() -> new Problem(Problem.ABOUT_BLANK, title(status), status, detail(status), instance, requestId, null, null));
        response.contentType(Problem.MEDIA_TYPE);
        context.getRequest().setAttribute(PROBLEM_ATTRIBUTE, problem);     // for the access line: why it was refused
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            // an error is about this request, not a representation to keep (a 404 is cacheable by default)
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            // the length GET's body would have: without it Micronaut closes the connection after a HEAD answer
            return response.contentLength(lengthOf(problem)).body(null);
        }
        return response.body(problem);
    }

    private int lengthOf(Problem problem) {
        try {
            return json.writeValueAsBytes(problem).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a record of strings and numbers always serialises
        }
    }

    private static String title(int status) {
        String reason = HttpStatus.getDefaultReason(status);
        return reason == null || reason.isBlank() ? "Error" : reason;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "A valid bearer token is required: it is missing, malformed, expired, or not accepted.";
            case 403 -> "The token does not allow this request.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource has no representation in an acceptable media type.";
            case 413 -> "The request is larger than allowed.";
            case 414 -> "The request URI is longer than allowed.";
            case 415 -> "The request's media type is not supported.";
            case 429 -> "Too many requests: wait for the time Retry-After gives.";
            case 431 -> "The request's header fields are larger than allowed.";
            case 503 -> "Gather cannot answer right now.";
            default -> status >= 500 ? "Gather failed to answer this request." : "The request cannot be answered.";
        };
    }
}
