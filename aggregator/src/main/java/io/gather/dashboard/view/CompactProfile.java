package io.gather.dashboard.view;

import io.gather.clients.profile.Profile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The compact profile: who is signed in, for the header of a phone's screen. */
@Serdeable
public record CompactProfile(String displayName, @Nullable String avatarUrl) {
    static CompactProfile of(Profile p) {
        return new CompactProfile(p.displayName(), p.avatarUrl());
    }
}
