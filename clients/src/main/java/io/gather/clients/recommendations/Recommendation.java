package io.gather.clients.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import io.gather.clients.common.Money;

/** One recommended product; {@code score} is the model's relevance (0..1), not money. */
@Serdeable
public record Recommendation(String sku, String title, Double score, @Nullable String imageUrl, @Nullable Money price) {
    public Recommendation {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(title, "title");
        if (!Double.isFinite(Objects.requireNonNull(score, "score"))) {
            throw new IllegalArgumentException("score");
        }
    }
}
