package io.gather.api;

import io.gather.dashboard.Dashboard;
import io.gather.dashboard.view.View;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A dashboard as it goes out: the JSON body's bytes and, for a complete answer that is not degraded, the entity tag
 * of those bytes. A degraded answer has no tag: nothing may pin it or revalidate it.
 */
record DashboardAnswer(DashboardBody body, byte[] bytes, @Nullable String etag) {
    private static final Argument<DashboardBody> TYPE = Argument.of(DashboardBody.class);

    static DashboardAnswer of(Dashboard dashboard, View view, JsonMapper json) {
        DashboardBody body = DashboardBody.of(dashboard, view);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(TYPE, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DashboardAnswer(body, bytes, body.degraded() ? null : EntityTags.weak(bytes));
    }
}
