package io.gather.http.front;

/**
 * The syntax of a Host field value and of an absolute-form target's authority (RFC 9110 §7.2, RFC 3986
 * §3.2.2): {@code uri-host [ ":" port ]}, where the host is a reg-name, an IPv4 address or a bracketed
 * IPv6 literal, and the port at most 65535. Empty is valid (a target without authority). No user info.
 */
final class HostField {
    private HostField() {
    }

    static boolean isValid(CharSequence value) {
        return isValid(value, 0, value.length());
    }

    static boolean isValid(CharSequence s, int from, int to) {
        int hostEnd;
        if (from < to && s.charAt(from) == '[') {
            hostEnd = indexOf(s, ']', from, to) + 1;
            if (hostEnd == 0 || !isIpLiteral(s, from + 1, hostEnd - 1)) {
                return false;
            }
        } else {
            hostEnd = indexOf(s, ':', from, to);
            if (hostEnd < 0) {
                hostEnd = to;
            }
            if (!UriChars.isRegName(s, from, hostEnd)) {
                return false;
            }
        }
        return hostEnd == to || s.charAt(hostEnd) == ':' && isPort(s, hostEnd + 1, to);
    }

    /** Digits naming a TCP port, 0-65535, or none ({@code host:} is valid, RFC 3986 §3.2.3). */
    private static boolean isPort(CharSequence s, int from, int to) {
        if (!UriChars.isDigits(s, from, to) || to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            port = port * 10 + s.charAt(i) - '0';
        }
        return port <= 65_535;
    }

    private static boolean isIpLiteral(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(UriChars.isHex(c) || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
