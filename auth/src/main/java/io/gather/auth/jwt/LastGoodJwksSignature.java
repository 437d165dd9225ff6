package io.gather.auth.jwt;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;

/**
 * Micronaut's verification with a provider's published keys, taking them from {@link LastGoodJwks}: the keys
 * fetched last stay in use while the provider's endpoint cannot be reached.
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(ReactiveJwksSignature.class)
public class LastGoodJwksSignature extends ReactiveJwksSignature {
    LastGoodJwksSignature(JwksSignatureConfiguration provider, JwkValidator validator, LastGoodJwks keys) {
        super(provider, validator, keys);
    }
}
