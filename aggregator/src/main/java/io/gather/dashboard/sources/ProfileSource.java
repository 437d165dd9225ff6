package io.gather.dashboard.sources;

import io.gather.clients.profile.Profile;
import io.gather.clients.profile.ProfileClient;
import io.gather.dashboard.SectionName;
import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

@Singleton
final class ProfileSource implements SectionSource<Profile> {
    private final ProfileClient client;

    ProfileSource(ProfileClient client) {
        this.client = client;
    }

    @Override
    public SectionName section() {
        return SectionName.PROFILE;
    }

    @Override
    public Mono<Profile> fetch(SectionRequest request) {
        return client.profile(request.userId(), request.requestId()).flatMap(Bodies::of);
    }
}
