package io.gather.clients.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/** Recommended products, best first, and the model that chose them. */
@Serdeable
public record RecommendationPage(List<Recommendation> items, @Nullable String model) {
    public RecommendationPage {
        // without items the body is not a page (a proxy's JSON error, say), even if it parses
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
