package io.gather.api;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DashboardBody} with its sections as top-level keys, in order, and {@code null} for a
 * missing one: the JSON shape stays fixed whichever sections exist, without a field per section in code.
 */
@Singleton
final class DashboardBodySerializer implements Serializer<DashboardBody> {
    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<Map<String, SectionStatus>> STATUSES = Argument.mapOf(String.class, SectionStatus.class);

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends DashboardBody> type, DashboardBody body)
            throws IOException {
        Encoder object = encoder.encodeObject(type);
        object.encodeKey("userId");
        object.encodeString(body.userId());
        object.encodeKey("complete");
        object.encodeBoolean(body.complete());
        object.encodeKey("degraded");
        object.encodeBoolean(body.degraded());
        for (Map.Entry<String, Object> e : body.data().entrySet()) {
            object.encodeKey(e.getKey());
            write(object, context, e.getValue());
        }
        object.encodeKey("missing");
        write(object, context, STRINGS, body.missing());
        object.encodeKey("sections");
        write(object, context, STATUSES, body.sections());
        object.finishStructure();
    }

    @SuppressWarnings("unchecked")
    private static void write(Encoder encoder, EncoderContext context, Object value) throws IOException {
        if (value == null) {
            encoder.encodeNull();
            return;
        }
        write(encoder, context, (Argument<Object>) Argument.of(value.getClass()), value);
    }

    private static <V> void write(Encoder encoder, EncoderContext context, Argument<V> type, V value) throws IOException {
        Serializer<? super V> serializer = context.findSerializer(type).createSpecific(context, type);
        serializer.serialize(encoder, context, type, value);
    }
}
