package io.gather.clients.recommendations;

import io.gather.clients.common.Footprint;
import io.gather.clients.common.Money;
import io.gather.clients.common.Sized;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** One recommended product; {@code score} is the model's relevance (0..1), not money. */
@Serdeable
public record Recommendation(String sku, String title, Double score, @Nullable String imageUrl, @Nullable Money price)
    implements Sized {
    public Recommendation {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(title, "title");
        if (!Double.isFinite(Objects.requireNonNull(score, "score"))) {
            throw new IllegalArgumentException("score");
        }
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(5) + Footprint.of(sku) + Footprint.of(title) + Footprint.BOXED + Footprint.of(imageUrl)
            + (price == null ? 0 : price.approximateBytes());
    }
}
