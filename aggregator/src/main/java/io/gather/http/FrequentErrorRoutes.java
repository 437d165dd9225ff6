package io.gather.http;

import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;

/**
 * Answers the errors that can come as fast as requests do (a refused or failed dashboard, a token that does not
 * pass, a path or method that does not exist) through global error routes, which Micronaut tries before it looks
 * for an {@link ExceptionHandler}. That lookup scans every bean definition on every error in Micronaut 4.10: its
 * closest-type qualifier has no {@code equals}, so the lookup's cache never hits. Here each exception class's handler
 * is looked up once, the same way; the handler and what it answers stay Micronaut's choice.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)   // an error route is never matched by a path: the rule is never asked
final class FrequentErrorRoutes {
    private final BeanContext beans;
    @SuppressWarnings("rawtypes")
    private final ClassValue<Optional<BeanDefinition<ExceptionHandler>>> handlers = new ClassValue<>() {
        @Override
        protected Optional<BeanDefinition<ExceptionHandler>> computeValue(Class<?> type) {
            return beans.findBeanDefinition(ExceptionHandler.class, Qualifiers.byTypeArgumentsClosest(type, Object.class));
        }
    };

    FrequentErrorRoutes(BeanContext beans) {
        this.beans = beans;
    }

    // MediaType.ALL: Micronaut matches an error route to Accept by exact type; the handler sets the content type
    @Error(global = true, exception = ProblemException.class)
    @Produces(MediaType.ALL)
    Object problem(HttpRequest<?> request, ProblemException e) {
        return answer(request, e);
    }

    @Error(global = true, exception = AuthorizationException.class)
    @Produces(MediaType.ALL)
    Object unauthorized(HttpRequest<?> request, AuthorizationException e) {
        return answer(request, e);
    }

    @Error(global = true, exception = HttpStatusException.class)
    @Produces(MediaType.ALL)
    Object status(HttpRequest<?> request, HttpStatusException e) {
        return answer(request, e);
    }

    /** The handler's answer; with none, the exception goes on to Micronaut's default answer (500), as without this route. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Object answer(HttpRequest<?> request, RuntimeException e) {
        BeanDefinition<ExceptionHandler> handler = handlers.get(e.getClass()).orElseThrow(() -> e);
        return beans.getBean(handler).handle(request, e);
    }
}
