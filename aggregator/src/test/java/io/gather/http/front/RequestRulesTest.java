package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules without a server: targets, Host values, transfer codings. */
class RequestRulesTest {
    private static HttpRequest get(String target, String... fields) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        for (int i = 0; i < fields.length; i += 2) {
            r.headers().add(fields[i], fields[i + 1]);
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gather.test", "gather.test:8080", "10.0.0.1:80", "[::1]", "[2001:db8::1]:443", "a-b.c_d~e",
        "gather.test:", "gather.test:65535", "gather.test:0"})
    void validHostsPass(String host) {
        assertTrue(HostField.isValid(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "user@host", "host:80a", "host:80:81", "[::1", "[]", "[zz]", "h\u00e9", "%zz", "a\tb", "host:65536", "host:99999",
        "host:000080"})
    void invalidHostsFail(String host) {
        assertFalse(HostField.isValid(host), host);
    }

    @Test
    void pathsAreReadFromOriginAndAbsoluteForm() {
        assertEquals("/api/v1/dashboard", RequestTarget.path("/api/v1/dashboard?x=%20"));
        assertEquals("/api/v1/dashboard", RequestTarget.path("HTTPS://gather.test:8443/api/v1/dashboard"));
        assertEquals("/", RequestTarget.path("http://gather.test?x"));
        assertNull(RequestTarget.path("http:///api"));
        assertNull(RequestTarget.path("http://user@gather.test/api"));
        assertNull(RequestTarget.path("/api/%2"));
        assertNull(RequestTarget.path("/api#fragment"));
        assertNull(RequestTarget.path("*"));
        assertTrue(RequestTarget.isValid("*", true));
        assertFalse(RequestTarget.isValid("*", false));
    }

    @Test
    void aWellFormedRequestPasses() {
        assertNull(RequestRules.check(get("/api/v1/dashboard", "Host", "gather.test"), 16384));
        assertNull(RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", "chunked"), 16384));
        assertNull(RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", "Chunked,"), 16384));
        assertNull(RequestRules.check(get("/x", "Host", "h", "Content-Length", "16384"), 16384));
    }

    @Test
    void codingsAndLengthsAreChecked() {
        assertEquals(Rejection.CODING_UNKNOWN, RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", "gzip, chunked"), 100));
        assertEquals(Rejection.CODING_NOT_CHUNKED, RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", "chunked;x=1"), 100));
        assertEquals(Rejection.CODING_NOT_CHUNKED, RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", ", ,"), 100));
        assertEquals(Rejection.LENGTH_AND_CODING,
            RequestRules.check(get("/x", "Host", "h", "Transfer-Encoding", "chunked", "Content-Length", "1"), 100));
        assertEquals(Rejection.BODY_TOO_LARGE, RequestRules.check(get("/x", "Host", "h", "Content-Length", "101"), 100));
    }

    @Test
    void methodsAreCaseSensitive() {
        HttpRequest lower = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf("get"), "/x");
        lower.headers().add("Host", "h");
        assertEquals(Rejection.METHOD_UNKNOWN, RequestRules.check(lower, 100));
    }

    @Test
    void anAbsoluteFormTargetsAuthorityIsTheHost() {
        // RFC 9112 §3.2.2: before, the Host sent was believed, and the drive-by guard judged the wrong host
        HttpRequest absolute = get("http://127.0.0.1:8080/api/v1/dashboard?view=full", "Host", "evil.example");
        RequestRules.hostFromTarget(absolute);
        assertEquals("127.0.0.1:8080", absolute.headers().get("Host"));
        HttpRequest origin = get("/api/v1/dashboard", "Host", "gather.test");
        RequestRules.hostFromTarget(origin);
        assertEquals("gather.test", origin.headers().get("Host"));
    }
}
