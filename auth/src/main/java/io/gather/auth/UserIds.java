package io.gather.auth;

import java.util.regex.Pattern;

/** The contract's user ids: opaque strings of 1-64 characters from {@code [A-Za-z0-9_-]}. */
public final class UserIds {
    public static final String REGEX = "[A-Za-z0-9_-]{1,64}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private UserIds() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
