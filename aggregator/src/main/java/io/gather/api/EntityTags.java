package io.gather.api;

import io.micronaut.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Entity tags of dashboard answers (RFC 9110 §8.8.3) and the {@code If-Match} and {@code If-None-Match} checks
 * (§13.1.1, §13.1.2). A tag is weak,
 * {@code W/"<22 characters>"}: the first 128 bits of the SHA-256 of the JSON body, base64url without padding. It
 * depends on the body's bytes alone, so every instance, before and after a restart, gives the same tag for the same
 * data. Weak, because the same body may go out gzip-coded or not (a strong tag would have to differ), and because
 * the answer is the same data, not the same bytes on the wire.
 */
final class EntityTags {
    private static final int BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private EntityTags() {
    }

    static String weak(byte[] body) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] tag = BASE64URL.encode(java.util.Arrays.copyOf(digest, BYTES));
        return "W/\"" + new String(tag, StandardCharsets.US_ASCII) + '"';
    }

    /**
     * Whether {@code If-None-Match} (all its field lines) names {@code etag} by the weak comparison, or is
     * {@code *}: then the caller has the current answer, and gets a 304. {@code *} is a field of its own, never a list
     * member (RFC 9110 section 13.1.2: {@code "*" / #entity-tag}), and a tag must be followed by a comma or the end. A
     * malformed member ends the list (what came before it still counts); a malformed field never matches, so the full
     * answer is sent.
     */
    static boolean noneMatchFails(List<String> ifNoneMatch, String etag) {
        String opaque = opaque(etag);
        for (String field : ifNoneMatch) {
            int i = 0;
            int n = field.length();
            while (i < n) {
                char c = field.charAt(i);
                if (c == ' ' || c == '\t' || c == ',') {
                    i++;
                    continue;
                }
                if (c == '*') {
                    if (field.strip().equals("*")) {
                        return true;
                    }
                    break;
                }
                if (field.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= n || field.charAt(i) != '"') {
                    break;
                }
                int end = field.indexOf('"', i + 1);
                if (end < 0) {
                    break;
                }
                int after = end + 1;
                while (after < n && (field.charAt(after) == ' ' || field.charAt(after) == '\t')) {
                    after++;
                }
                if (after < n && field.charAt(after) != ',') {
                    break;      // something after the tag: this member is malformed
                }
                if (field.regionMatches(i + 1, opaque, 0, opaque.length()) && end - i - 1 == opaque.length()) {
                    return true;
                }
                i = after;
            }
        }
        return false;
    }

    /**
     * Whether {@code If-Match} (RFC 9110 section 13.1.1) is sent and fails. It compares strongly, and every tag of
     * Gather's is weak, so no list of tags ever matches: only {@code *} holds, and it does whenever the request gets an
     * answer at all (a degraded one too). A request without the field costs one look-up.
     */
    static boolean ifMatchFails(HttpHeaders headers) {
        if (!headers.contains(HttpHeaders.IF_MATCH)) {
            return false;
        }
        List<String> fields = headers.getAll(HttpHeaders.IF_MATCH);
        return fields.size() != 1 || !fields.get(0).strip().equals("*");
    }

    /** The tag between its quotes. */
    private static String opaque(String etag) {
        int start = etag.indexOf('"');
        return etag.substring(start + 1, etag.length() - 1);
    }
}
