package io.gather.dashboard;

import io.gather.dashboard.section.SectionKey;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * One section of the dashboard, declared once: its name (in JSON, in {@code gather.sections.<id>} and as the
 * downstream client's id), whether the dashboard can exist without it, the record it holds, and the client
 * call that fetches it. Everything else (settings, the stage stack, the JSON key, the checks) follows from
 * the list in {@link Sections}.
 *
 * @param <T> the section's data, a record of the downstream's contract
 */
public final class Section<T> {
    /**
     * The downstream call: only what the key says (whose data, which parameters), plus the ids to pass on
     * ({@code X-Request-Id}, {@code traceparent} with a new parent id per call, {@code tracestate}; the last two are
     * null when a tracer writes them, see {@link CallContext#carrier()}).
     */
    @FunctionalInterface
    public interface Fetch<C, T> {
        Mono<io.micronaut.http.HttpResponse<T>> fetch(C client, SectionKey key, CallContext call);
    }

    private final String id;
    private final boolean required;
    private final Class<T> type;
    private final Class<?> clientType;
    private final Fetch<Object, T> fetch;

    @SuppressWarnings("unchecked")
    private <C> Section(String id, boolean required, Class<T> type, Class<C> clientType, Fetch<C, T> fetch) {
        this.id = Objects.requireNonNull(id, "id");
        this.required = required;
        this.type = Objects.requireNonNull(type, "type");
        this.clientType = Objects.requireNonNull(clientType, "clientType");
        this.fetch = (Fetch<Object, T>) Objects.requireNonNull(fetch, "fetch");
    }

    /** A section without which there is no dashboard: its failure is 404, 502 or 504 instead of a partial 200. */
    public static <T, C> Section<T> required(String id, Class<T> type, Class<C> client, Fetch<C, T> fetch) {
        return new Section<>(id, true, type, client, fetch);
    }

    /** A section the dashboard can do without: its failure leaves it missing (or stale) in a 200. */
    public static <T, C> Section<T> optional(String id, Class<T> type, Class<C> client, Fetch<C, T> fetch) {
        return new Section<>(id, false, type, client, fetch);
    }

    public String id() {
        return id;
    }

    /** The section's place in {@link Sections#ALL}, or -1 for one that is not declared there (tests). */
    public int index() {
        return Sections.ALL.indexOf(this);
    }

    public boolean required() {
        return required;
    }

    public Class<T> type() {
        return type;
    }

    /** The declarative client bean the call needs. */
    public Class<?> clientType() {
        return clientType;
    }

    public Mono<io.micronaut.http.HttpResponse<T>> fetch(Object client, SectionKey key, CallContext call) {
        return fetch.fetch(clientType.cast(client), key, call);
    }

    @Override
    public String toString() {
        return id;
    }
}
