package io.gather.auth;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The verified caller of a request: the user id from the token's {@code sub}, and the scopes the token
 * grants ({@code scope} as a space-separated string or {@code scp} as a list, as identity providers differ).
 */
public record Caller(String userId, Set<String> scopes) {
    public Caller {
        if (!UserIds.isValid(userId)) {
            throw new IllegalArgumentException("not a contract user id");
        }
        scopes = Set.copyOf(scopes);
    }

    public static Caller of(Authentication authentication) {
        Set<String> scopes = new LinkedHashSet<>();
        Object scope = authentication.getAttributes().get("scope");
        if (scope instanceof String s && !s.isBlank()) {
            scopes.addAll(Set.of(s.trim().split("\\s+")));
        }
        Object scp = authentication.getAttributes().get("scp");
        if (scp instanceof Collection<?> list) {
            list.forEach(item -> scopes.add(String.valueOf(item)));
        }
        return new Caller(authentication.getName(), scopes);
    }

    /** Whether this caller may read {@code userId}'s dashboard: only their own. */
    public boolean mayRead(String userId) {
        return this.userId.equals(userId);
    }
}
