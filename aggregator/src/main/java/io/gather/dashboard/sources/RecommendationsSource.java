package io.gather.dashboard.sources;

import io.gather.clients.recommendations.RecommendationPage;
import io.gather.clients.recommendations.RecommendationsClient;
import io.gather.dashboard.SectionName;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

@Singleton
final class RecommendationsSource implements SectionSource<RecommendationPage> {
    private final RecommendationsClient client;
    private final int limit;

    RecommendationsSource(RecommendationsClient client, SectionSettingsRegistry settings) {
        this.client = client;
        this.limit = settings.of(SectionName.RECOMMENDATIONS).getLimit();
    }

    @Override
    public SectionName section() {
        return SectionName.RECOMMENDATIONS;
    }

    @Override
    public Mono<RecommendationPage> fetch(SectionRequest request) {
        return client.recommendations(request.userId(), limit, request.requestId()).flatMap(Bodies::of);
    }
}
