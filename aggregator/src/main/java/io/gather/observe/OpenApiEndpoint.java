package io.gather.observe;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Gather's API as OpenAPI 3 YAML, on the management port: {@code /openapi} and {@code /openapi/gather.yml}. The
 * document is put together at build time by Micronaut OpenAPI from {@code src/main/openapi/gather-api.yml} (the
 * dashboard routes, their answers, streams, problems and examples) and {@link OpenApiDefinition}, and read once here.
 */
@Endpoint(id = "openapi", defaultSensitive = false)
final class OpenApiEndpoint {
    static final String RESOURCE = "META-INF/swagger/gather.yml";
    static final String FILE = "gather.yml";
    static final String YAML = "application/yaml";

    private final String document;

    OpenApiEndpoint() {
        this.document = read();
    }

    @Read(produces = YAML)
    String document() {
        return document;
    }

    @Read(produces = YAML)
    String file(@Selector String name) {
        return FILE.equals(name) ? document : null;
    }

    private static String read() {
        try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: was the OpenAPI processor run?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
