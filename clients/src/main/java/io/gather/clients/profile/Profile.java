package io.gather.clients.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Objects;

/** A user's profile, as {@code GET /users/{userId}} of the profile service answers it. */
@Serdeable
public record Profile(
    String id,
    String displayName,
    @Nullable String email,
    @Nullable String avatarUrl,
    @Nullable String tier,
    @Nullable String locale,
    @Nullable LocalDate memberSince) {

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
