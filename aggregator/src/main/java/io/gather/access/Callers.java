package io.gather.access;

import io.gather.auth.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/**
 * The request's {@link Caller}, made from its authentication once and kept on the request: the scope check, the rate
 * limit and the controller all ask for it, and reading the claims again each time was 2 % of a dashboard's heap.
 */
public final class Callers {
    static final String ATTRIBUTE = "gather.caller";

    private Callers() {
    }

    /** The caller of an authenticated request; null when the request is not authenticated. */
    @Nullable
    public static Caller of(HttpRequest<?> request) {
        Object known = request.getAttribute(ATTRIBUTE).orElse(null);
        if (known instanceof Caller caller) {
            return caller;
        }
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return null;
        }
        Caller caller = Caller.of(authentication);
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }
}
