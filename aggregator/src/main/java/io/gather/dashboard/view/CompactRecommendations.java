package io.gather.dashboard.view;

import io.gather.clients.common.Money;
import io.gather.clients.recommendations.Recommendation;
import io.gather.clients.recommendations.RecommendationPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.List;

/** The compact recommendations: the top few, without images or the model's scores. */
@Serdeable
public record CompactRecommendations(List<Item> items) {
    private static final Comparator<Recommendation> TOP_FIRST = Comparator.comparingDouble(Recommendation::score).reversed();

    @Serdeable
    public record Item(String sku, String title, @Nullable Money price) {
    }

    static CompactRecommendations of(RecommendationPage page) {
        return new CompactRecommendations(page.items().stream().sorted(TOP_FIRST).limit(Views.COMPACT_ITEMS)
            .map(r -> new Item(r.sku(), r.title(), r.price())).toList());
    }
}
