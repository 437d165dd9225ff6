package io.gather.clients.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Recommended products, best first, and the model that chose them. */
@Serdeable
public record RecommendationPage(List<Recommendation> items, @Nullable String model) {
    public RecommendationPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
