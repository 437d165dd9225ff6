package io.gather.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The verified caller of a request: the user id from the token's {@code sub}, the scopes the token grants
 * ({@code scope} as a string of scopes separated by spaces, RFC 6749 section 3.3, else {@code scp} as a list of
 * strings, as identity providers differ; never both added up), and the client the token was issued to ({@code azp},
 * else {@code client_id}). Only a space separates scopes: {@code "x\tdashboard"} is one scope, not two.
 *
 * <p>{@code clientId} is {@code null} when the token names no client (a first-party token minted for the user
 * alone): such a caller is limited by the default tier, and per-client policies count it by user.
 */
public record Caller(String userId, Set<String> scopes, @Nullable String clientId) {
    /** The claims that name the client, in order of preference (OpenID Connect's {@code azp}, RFC 9068's {@code client_id}). */
    public static final String AZP = "azp";
    public static final String CLIENT_ID = "client_id";
    private static final Pattern SPACES = Pattern.compile(" +");

    public Caller {
        if (!UserIds.isValid(userId)) {
            throw new IllegalArgumentException("not a contract user id");
        }
        scopes = Set.copyOf(scopes);
        if (clientId != null && clientId.isBlank()) {
            clientId = null;
        }
    }

    /** A caller whose token names no client. */
    public Caller(String userId, Set<String> scopes) {
        this(userId, scopes, null);
    }

    public static Caller of(Authentication authentication) {
        Set<String> scopes = new LinkedHashSet<>();
        Object scope = authentication.getAttributes().get("scope");
        if (scope instanceof String s) {
            for (String token : SPACES.split(s)) {
                if (!token.isEmpty()) {
                    scopes.add(token);  // a repeated scope is no error
                }
            }
        } else if (authentication.getAttributes().get("scp") instanceof Collection<?> list) {
            list.forEach(item -> {
                if (item instanceof String token && !token.isEmpty()) {
                    scopes.add(token);
                }
            });
        }
        return new Caller(authentication.getName(), scopes, client(authentication));
    }

    @Nullable
    private static String client(Authentication authentication) {
        for (String claim : new String[] {AZP, CLIENT_ID}) {
            if (authentication.getAttributes().get(claim) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    /** Whether the token names a client. */
    public boolean hasClient() {
        return clientId != null;
    }

    /** Whether this caller may read {@code userId}'s dashboard: only their own. */
    public boolean mayRead(String userId) {
        return this.userId.equals(userId);
    }
}
