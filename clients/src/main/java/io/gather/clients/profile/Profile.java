package io.gather.clients.profile;

import io.gather.clients.common.Footprint;
import io.gather.clients.common.Sized;
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
    @Nullable LocalDate memberSince) implements Sized {

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(7) + Footprint.of(id) + Footprint.of(displayName) + Footprint.of(email) + Footprint.of(avatarUrl)
            + Footprint.of(tier) + Footprint.of(locale) + (memberSince == null ? 0 : Footprint.DATE);
    }
}
