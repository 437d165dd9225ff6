package io.gather.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers a {@link ProblemException} with its own status, through the one problem writer. */
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> problems;

    ProblemExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
            HttpResponse.status(HttpStatus.valueOf(exception.status())));
    }
}
