package io.gather.http.front;

/**
 * The request target of RFC 9112 §3.2: origin-form ({@code /path?query}), absolute-form
 * ({@code http://host/path}, which a server must accept) or asterisk-form ({@code *}, OPTIONS only).
 * Authority-form belongs to CONNECT, which Gather does not implement. Characters outside RFC 3986,
 * raw or as a broken {@code %} escape, make the target invalid: no control bytes, spaces, quotes,
 * backslashes or non-ASCII reach routing.
 */
final class RequestTarget {
    private RequestTarget() {
    }

    static boolean isValid(String target, boolean options) {
        return pathStart(target) >= 0 || options && "*".equals(target);
    }

    /** The path (no query) of a valid origin- or absolute-form target, otherwise null. */
    static String path(String target) {
        int start = pathStart(target);
        if (start < 0) {
            return null;
        }
        int end = target.indexOf('?', start);
        String path = target.substring(start, end < 0 ? target.length() : end);
        return path.isEmpty() ? "/" : path;
    }

    /** Where the path begins in a valid origin- or absolute-form target; -1 if the target is not one. */
    private static int pathStart(String target) {
        int length = target.length();
        if (length > 0 && target.charAt(0) == '/') {
            return UriChars.isPathAndQuery(target, 0, length) ? 0 : -1;
        }
        int authority = schemeEnd(target);
        if (authority < 0) {
            return -1;
        }
        int path = authority;
        while (path < length && target.charAt(path) != '/' && target.charAt(path) != '?') {
            path++;
        }
        return path > authority && HostField.isValid(target, authority, path)
            && UriChars.isPathAndQuery(target, path, length) ? path : -1;
    }

    private static int schemeEnd(String target) {
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    }
}
