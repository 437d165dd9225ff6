package io.gather.http;

/** The {@code q} weight of a member of {@code Accept} or {@code Accept-Encoding} (RFC 9110 section 12.4.2). */
public final class QValues {
    private QValues() {
    }

    /** The {@code q} among a member's parameters (after its first {@code ;}): 1 when absent, 0 when malformed or out of 0..1. */
    public static double of(String parameters) {
        for (String p : parameters.split(";")) {
            String s = p.strip();
            if (s.length() > 2 && (s.charAt(0) == 'q' || s.charAt(0) == 'Q') && s.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(s.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
