package io.gather.clients.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Puts {@link ResponseFraming}'s intake ahead of the HTTP codec, and {@link ResponseFraming}, then {@link JsonByDefault},
 * behind it, on every HTTP/1.1 connection Gather's clients open.
 */
@Singleton
final class ResponseFramingInstaller implements BeanCreatedEventListener<NettyClientCustomizer.Registry> {
    private static final String CODEC = ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC;

    private final long maxExchangeNanos;

    ResponseFramingInstaller(DownstreamSettings settings, Optional<LongestCallWait> wait) {
        this.maxExchangeNanos = settings.maxExchangeTimeInForce(wait.map(LongestCallWait::longest).orElse(Duration.ZERO)).toNanos();
    }

    @Override
    public NettyClientCustomizer.Registry onCreated(BeanCreatedEvent<NettyClientCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null, maxExchangeNanos));
        return event.getBean();
    }

    /** The root customizer (no channel) makes one per connection. */
    private record PerConnection(Channel channel, long maxExchangeNanos) implements NettyClientCustomizer {
        @Override
        public NettyClientCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(channel, maxExchangeNanos) : this;
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
            }
        }
    }
}
