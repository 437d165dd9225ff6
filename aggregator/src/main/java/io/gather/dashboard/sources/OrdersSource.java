package io.gather.dashboard.sources;

import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrdersClient;
import io.gather.dashboard.SectionName;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

@Singleton
final class OrdersSource implements SectionSource<OrderPage> {
    private final OrdersClient client;
    private final int limit;

    OrdersSource(OrdersClient client, SectionSettingsRegistry settings) {
        this.client = client;
        this.limit = settings.of(SectionName.ORDERS).getLimit();
    }

    @Override
    public SectionName section() {
        return SectionName.ORDERS;
    }

    @Override
    public Mono<OrderPage> fetch(SectionRequest request) {
        return client.recentOrders(request.userId(), limit, request.requestId()).flatMap(Bodies::of);
    }
}
