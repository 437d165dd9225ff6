package io.gather.http.front;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Iterator;

/**
 * The RFC 9112 / RFC 9110 rules a decoded request must pass before it is routed. A well-formed request
 * costs a few identity comparisons, one scan of its target, one of its Host value and two field
 * look-ups; the transfer-coding parse runs only when the request has a Transfer-Encoding field.
 */
final class RequestRules {
    private RequestRules() {
    }

    /** Why {@code request} must be refused, or null if it may be routed. */
    static Rejection check(HttpRequest request, long maxBodyBytes) {
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            // Netty keeps its two constants for the exact spellings; anything else ("http/1.1", "HTTP/1.2", "HTTP/2.0") is new.
            return version.majorVersion() == 1 ? Rejection.VERSION_INVALID : Rejection.VERSION_UNSUPPORTED;
        }
        HttpMethod method = request.method();
        if (!isImplemented(method)) {
            return Rejection.METHOD_UNKNOWN;
        }
        if (!RequestTarget.isValid(request.uri(), method == HttpMethod.OPTIONS)) {
            return Rejection.TARGET_INVALID;
        }
        HttpHeaders headers = request.headers();
        Rejection host = checkHost(headers, version);
        if (host != null) {
            return host;
        }
        if (repeated(headers, HttpHeaderNames.AUTHORIZATION)) {
            return Rejection.CREDENTIALS_REPEATED;
        }
        String codings = headers.get(HttpHeaderNames.TRANSFER_ENCODING);
        if (codings != null) {
            return checkCodings(headers, version);
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);   // the decoder has checked its syntax
        if (length != null && Long.parseLong(length) > maxBodyBytes) {
            return Rejection.BODY_TOO_LARGE;
        }
        return null;
    }

    /**
     * RFC 9112 §3.2.2: with an absolute-form target ({@code GET http://host/path}) the target's authority is the
     * request's host, and {@code Host} is ignored. It becomes {@code Host} here, for everything after that reads it
     * (the drive-by guard judged the {@code Host} sent instead). An origin-form target (a {@code /}) costs one look.
     */
    static void hostFromTarget(HttpRequest request) {
        String uri = request.uri();
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.indexOf("://") < 0) {
            return;
        }
        int start = uri.indexOf("://") + 3;
        int end = start;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?' && uri.charAt(end) != '#') {
            end++;
        }
        if (end > start) {
            request.headers().set(HttpHeaderNames.HOST, uri.substring(start, end));
        }
    }

    /**
     * Gather switches to no other protocol, so it ignores {@code Upgrade} as RFC 9110 §7.8 allows and answers the
     * request as HTTP/1.1; left in, Micronaut would answer any WebSocket upgrade 404, as if the path did not exist.
     */
    static void ignoreUpgrade(HttpRequest request) {
        request.headers().remove(HttpHeaderNames.UPGRADE);
    }

    /**
     * Whether this request is the connection's last (RFC 9112 §9.6): a {@code close} option anywhere in
     * {@code Connection}, or HTTP/1.0 without {@code keep-alive}. RFC 9110 §7.6.1 makes the field a list
     * ({@code keep-alive, close}); Micronaut asks only whether a value is {@code close} as a whole, so such a list is
     * reduced to that: otherwise the connection stayed open and a request sent after this one was answered too.
     */
    static boolean endsConnection(HttpRequest request) {
        if (HttpUtil.isKeepAlive(request)) {
            return false;
        }
        String connection = request.headers().get(HttpHeaderNames.CONNECTION);
        if (connection != null && !connection.equalsIgnoreCase("close")
            && request.headers().containsValue(HttpHeaderNames.CONNECTION, "close", true)) {
            request.headers().set(HttpHeaderNames.CONNECTION, "close");
        }
        return true;
    }

    /** Netty returns its constants for the exact, upper-case standard names; CONNECT is for proxies. */
    private static boolean isImplemented(HttpMethod m) {
        return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.POST || m == HttpMethod.PUT
            || m == HttpMethod.DELETE || m == HttpMethod.OPTIONS || m == HttpMethod.PATCH || m == HttpMethod.TRACE;
    }

    /**
     * A field that is not a list, given twice (RFC 9110 §5.3). For Authorization the two could be read differently by
     * a proxy in front and by Gather, so the request is refused (RFC 6750 §3.1: invalid_request, 400).
     */
    private static boolean repeated(HttpHeaders headers, CharSequence name) {
        Iterator<? extends CharSequence> values = headers.valueCharSequenceIterator(name);
        if (!values.hasNext()) {
            return false;
        }
        values.next();
        return values.hasNext();
    }

    /** RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0, and a valid one. */
    private static Rejection checkHost(HttpHeaders headers, HttpVersion version) {
        Iterator<? extends CharSequence> hosts = headers.valueCharSequenceIterator(HttpHeaderNames.HOST);
        if (!hosts.hasNext()) {
            return version == HttpVersion.HTTP_1_1 ? Rejection.HOST_MISSING : null;
        }
        CharSequence host = hosts.next();
        if (hosts.hasNext()) {
            return Rejection.HOST_REPEATED;
        }
        return HostField.isValid(host) ? null : Rejection.HOST_INVALID;
    }

    /**
     * RFC 9112 §6.1 and §6.3: Transfer-Encoding is HTTP/1.1 only, never beside Content-Length (the
     * decoder refuses that pairing with chunked), and its last coding must be chunked, applied once.
     * Chunked is the only coding Gather implements: anything before it is 501.
     */
    private static Rejection checkCodings(HttpHeaders headers, HttpVersion version) {
        if (version != HttpVersion.HTTP_1_1) {
            return Rejection.CODING_IN_HTTP_1_0;
        }
        if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            return Rejection.LENGTH_AND_CODING;
        }
        String last = null;
        boolean chunkedBefore = false;
        boolean otherBefore = false;
        for (String field : headers.getAll(HttpHeaderNames.TRANSFER_ENCODING)) {
            for (String element : field.split(",", -1)) {
                String coding = element.trim();
                if (coding.isEmpty()) {
                    continue;   // RFC 9110 §5.6.1: empty list elements are ignored
                }
                if (last != null) {
                    chunkedBefore |= last.equalsIgnoreCase("chunked");
                    otherBefore |= !last.equalsIgnoreCase("chunked");
                }
                last = coding;
            }
        }
        if (last == null || !last.equalsIgnoreCase("chunked") || chunkedBefore) {
            return Rejection.CODING_NOT_CHUNKED;
        }
        return otherBefore ? Rejection.CODING_UNKNOWN : null;
    }
}
