package io.gather.http.front;

/**
 * The characters RFC 3986 allows in a request target's path and query, and in a host: one table
 * look-up per character, no regular expressions, no allocation.
 */
final class UriChars {
    private static final boolean[] REG_NAME = new boolean[128];
    private static final boolean[] PATH_OR_QUERY = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            REG_NAME[c] = true;
            REG_NAME[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            REG_NAME[c] = true;
        }
        for (char c : "-._~!$&'()*+,;=".toCharArray()) {   // unreserved punctuation and sub-delims
            REG_NAME[c] = true;
        }
        System.arraycopy(REG_NAME, 0, PATH_OR_QUERY, 0, 128);
        for (char c : ":@/?".toCharArray()) {
            PATH_OR_QUERY[c] = true;
        }
    }

    private UriChars() {
    }

    /** Whether {@code s[from, to)} is path and query characters, each {@code %} followed by two hex digits. */
    static boolean isPathAndQuery(CharSequence s, int from, int to) {
        return scan(s, from, to, PATH_OR_QUERY);
    }

    /** Whether {@code s[from, to)} is a reg-name or IPv4 address (RFC 3986 §3.2.2). */
    static boolean isRegName(CharSequence s, int from, int to) {
        return scan(s, from, to, REG_NAME);
    }

    static boolean isDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean scan(CharSequence s, int from, int to, boolean[] allowed) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
