package io.gather.clients.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.http.ssl.ClientSslConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * A service whose every URL is {@code http:} gets no TLS context. Micronaut builds one for each client whatever its
 * URLs, and the first one loads the JDK's TLS stack and parses every certificate of its trust store: about 400
 * classes and a tenth of a second of a cold start, on the way to the first dashboard. A service with an
 * {@code https:} URL keeps its {@code ssl} settings as given.
 */
@Singleton
final class TlsOnlyWhereAsked implements BeanCreatedEventListener<ServiceHttpClientConfiguration> {
    @Override
    public ServiceHttpClientConfiguration onCreated(BeanCreatedEvent<ServiceHttpClientConfiguration> event) {
        ServiceHttpClientConfiguration service = event.getBean();
        if (!service.getUrls().isEmpty() && service.getUrls().stream().noneMatch(TlsOnlyWhereAsked::secure)) {
            ClientSslConfiguration off = new ClientSslConfiguration(); // its own: the one it holds may be shared
            off.setEnabled(false);
            service.setSslConfiguration(off);
        }
        return service;
    }

    private static boolean secure(URI url) {
        return !"http".equalsIgnoreCase(url.getScheme());
    }
}
