package io.gather.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A token is three base64url parts or it is not read at all (the 401s it gets: BearerTokenTest). */
class CompactFormValidatorTest {
    @Test
    void theCompactFormIsThreeBase64urlParts() {
        assertTrue(CompactFormValidator.isCompactForm("eyJh.eyJz.c2ln"));
        assertTrue(CompactFormValidator.isCompactForm("eyJh.eyJz."), "an unsecured token's empty signature: Nimbus refuses it");
        for (String bad : new String[] {"", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.c!", "a.b.c=", "a.b%2.c", "a b.c.d", "a.b.c\n", "é.b.c"}) {
            assertFalse(CompactFormValidator.isCompactForm(bad), bad);
        }
    }
}
