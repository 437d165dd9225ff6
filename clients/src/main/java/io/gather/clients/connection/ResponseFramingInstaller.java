package io.gather.clients.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContentDecompressor;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Puts {@link ResponseFraming}'s intake ahead of the HTTP codec, and {@link ResponseFraming}, then {@link JsonByDefault},
 * behind it, then a bounded decompressor and {@link InflatedBodyLimit}, on every HTTP/1.1 connection Gather's clients open.
 */
@Singleton
final class ResponseFramingInstaller implements BeanCreatedEventListener<NettyClientCustomizer.Registry> {
    private static final String CODEC = ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC;
    /** Where Micronaut's client puts Netty's decompressor on an HTTP/1.1 connection. */
    private static final String DECOMPRESSOR = ChannelPipelineCustomizer.HANDLER_HTTP_DECODER;

    private final long maxExchangeNanos;
    private final int maxBody;

    ResponseFramingInstaller(DownstreamSettings settings, Optional<LongestCallWait> wait, HttpClientConfiguration defaults,
                             List<ServiceHttpClientConfiguration> services) {
        this.maxExchangeNanos = settings.maxExchangeTimeInForce(wait.map(LongestCallWait::longest).orElse(Duration.ZERO)).toNanos();
        // the largest body any downstream may send (each one's client still refuses more than its own); the default
        // client's 10 MiB only when no service is configured: taken with them, it let 8 MB be inflated out of one read
        int max = services.isEmpty() ? defaults.getMaxContentLength() : 0;
        for (ServiceHttpClientConfiguration service : services) {
            max = Math.max(max, service.getMaxContentLength());
        }
        this.maxBody = max;
    }

    /** The most a body may be, inflated. */
    int maxBody() {
        return maxBody;
    }

    @Override
    public NettyClientCustomizer.Registry onCreated(BeanCreatedEvent<NettyClientCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null, maxExchangeNanos, maxBody));
        return event.getBean();
    }

    /** The root customizer (no channel) makes one per connection. */
    private record PerConnection(Channel channel, long maxExchangeNanos, int maxBody) implements NettyClientCustomizer {
        @Override
        public NettyClientCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(channel, maxExchangeNanos, maxBody) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(CODEC) != null && pipeline.get(ResponseFraming.NAME) == null) {
                ResponseFraming framing = new ResponseFraming(maxExchangeNanos);
                pipeline.addBefore(CODEC, ResponseFraming.INTAKE, framing.intake());
                pipeline.addAfter(CODEC, ResponseFraming.NAME, framing);
                pipeline.addAfter(ResponseFraming.NAME, JsonByDefault.NAME, JsonByDefault.INSTANCE);
                String last = JsonByDefault.NAME;
                if (pipeline.get(DECOMPRESSOR) instanceof HttpContentDecompressor) {
                    pipeline.replace(DECOMPRESSOR, DECOMPRESSOR, InflatedBodyLimit.decompressor(maxBody));
                    last = DECOMPRESSOR;
                }
                pipeline.addAfter(last, InflatedBodyLimit.NAME, new InflatedBodyLimit(maxBody));
            }
        }
    }
}
