package io.gather.auth.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureUtils;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Micronaut's verification with a provider's published keys, taking them from {@link LastGoodJwks}: the keys
 * fetched last stay in use while the provider's endpoint cannot be reached, and a token signed with a key not among
 * them has them fetched again first (at most every 10 s). A key with an {@code alg} verifies only tokens of that
 * algorithm.
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(ReactiveJwksSignature.class)
public class LastGoodJwksSignature extends ReactiveJwksSignature {
    private final JwksSignatureConfiguration provider;
    private final JwkValidator validator;
    private final LastGoodJwks keys;

    LastGoodJwksSignature(JwksSignatureConfiguration provider, JwkValidator validator, LastGoodJwks keys) {
        super(provider, validator, keys);
        this.provider = provider;
        this.validator = validator;
        this.keys = keys;
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT jwt) {
        return keys.fetch(provider.getName(), provider.getUrl(), jwt.getHeader().getKeyID()).map(set -> {
            // a key that names its algorithm (RFC 7517 section 4.4) verifies only tokens signed with it
            List<JWK> candidates = JwksSignatureUtils.matches(jwt, set, null).stream()
                .filter(key -> key.getAlgorithm() == null || key.getAlgorithm().equals(jwt.getHeader().getAlgorithm()))
                .toList();
            return !candidates.isEmpty() && JwksSignatureUtils.verify(validator, candidates, jwt);
        });
    }
}
