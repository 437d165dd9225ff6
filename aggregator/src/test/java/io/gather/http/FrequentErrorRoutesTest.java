package io.gather.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gather.testing.HarnessBacked;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Errors that come at the rate of requests find their handler once per exception class, and answer as it does. */
@MicronautTest
class FrequentErrorRoutesTest extends HarnessBacked {
    @Inject ApplicationContext context;

    @Test
    void eachExceptionClassIsLookedUpOnceWhateverTheNumberOfErrors() {
        AtomicInteger lookups = new AtomicInteger();
        FrequentErrorRoutes routes = new FrequentErrorRoutes(counting(context, lookups));
        HttpRequest<?> request = HttpRequest.GET("/api/v1/dashboard");

        for (int i = 0; i < 50; i++) {
            assertEquals(401, status(routes.unauthorized(request, new AuthorizationException(null))));
            assertEquals(502, status(routes.problem(request, new ProblemException(502, Problem.ABOUT_BLANK, "Bad Gateway", "x"))));
            assertEquals(404, status(routes.status(request, new HttpStatusException(HttpStatus.NOT_FOUND, "no"))));
        }

        assertEquals(3, lookups.get(), "one lookup per exception class, not per error");
    }

    @Test
    void aProblemIsAnsweredAsItsOwnHandlerAnswersIt() {
        HttpRequest<?> request = HttpRequest.GET("/api/v1/dashboard");
        ProblemException failed = new ProblemException(502, Problem.TYPE_BASE + "upstream-failed", "A required service failed",
            "profile failed", "profile", "breaker-open");

        HttpResponse<?> routed = (HttpResponse<?>) new FrequentErrorRoutes(context).problem(request, failed);
        HttpResponse<?> handled = context.getBean(ProblemExceptionHandler.class).handle(request, failed);

        assertEquals(handled.code(), routed.code());
        assertEquals(handled.getContentType(), routed.getContentType());
        assertEquals(handled.body(), routed.body());
    }

    @Test
    void anExceptionNoHandlerTakesGoesOnToMicronautsDefaultAnswer() {
        FrequentErrorRoutes routes = new FrequentErrorRoutes(counting(context, new AtomicInteger()));
        // a subclass no handler names: its closest handler is the HttpStatusException one, as Micronaut would pick
        class Teapot extends HttpStatusException {
            Teapot() {
                super(HttpStatus.I_AM_A_TEAPOT, "tea");
            }
        }
        assertEquals(418, status(routes.status(HttpRequest.GET("/x"), new Teapot())));

        FrequentErrorRoutes none = new FrequentErrorRoutes(withoutHandlers(context));
        AuthorizationException refused = new AuthorizationException(null);
        assertSame(refused, assertThrows(AuthorizationException.class, () -> none.unauthorized(HttpRequest.GET("/x"), refused)));
    }

    private static int status(Object answer) {
        return ((HttpResponse<?>) answer).code();
    }

    /** The context, counting the handler lookups. */
    private static BeanContext counting(BeanContext beans, AtomicInteger lookups) {
        return lookingUp(beans, () -> {
            lookups.incrementAndGet();
            return null;
        });
    }

    /** The context, finding no handler at all. */
    private static BeanContext withoutHandlers(BeanContext beans) {
        return lookingUp(beans, Optional::empty);
    }

    /** The context, with {@code lookup} asked first at each handler lookup: its answer, unless null, is the lookup's. */
    private static BeanContext lookingUp(BeanContext beans, Supplier<Optional<?>> lookup) {
        return (BeanContext) Proxy.newProxyInstance(BeanContext.class.getClassLoader(), new Class<?>[] {BeanContext.class},
            (proxy, method, args) -> {
                if (method.getName().equals("findBeanDefinition")) {
                    Optional<?> answer = lookup.get();
                    if (answer != null) {
                        return answer;
                    }
                }
                try {
                    return method.invoke(beans, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }
}
