package io.gather.dashboard;

import java.util.Locale;

/** The dashboard's sections, one per downstream service. Only the profile is required. */
public enum SectionName {
    PROFILE(true),
    ORDERS(false),
    NOTIFICATIONS(false),
    RECOMMENDATIONS(false);

    private final boolean required;

    SectionName(boolean required) {
        this.required = required;
    }

    /** Without a required section there is no dashboard: 404, 502 or 504 instead of a partial 200. */
    public boolean required() {
        return required;
    }

    /** The name in configuration ({@code gather.sections.<id>}), in JSON, and of the downstream client. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SectionName of(String id) {
        for (SectionName s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown section '" + id + "'");
    }
}
