package io.gather.clients.recommendations;

import io.gather.clients.common.Footprint;
import io.gather.clients.common.Limited;
import io.gather.clients.common.Sized;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/** Recommended products, best first, and the model that chose them. */
@Serdeable
public record RecommendationPage(List<Recommendation> items, @Nullable String model)
    implements Limited<RecommendationPage>, Sized {
    public RecommendationPage {
        // without items the body is not a page (a proxy's JSON error, say), even if it parses
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(2) + Footprint.of(items) + Footprint.of(model);
    }

    @Override
    public RecommendationPage atMost(int limit) {
        return items.size() <= limit ? this : new RecommendationPage(items.subList(0, limit), model);
    }
}
