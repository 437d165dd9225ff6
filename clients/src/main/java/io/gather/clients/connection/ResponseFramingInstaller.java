package io.gather.clients.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/** Puts {@link ResponseFraming} behind the HTTP codec of every HTTP/1.1 connection Gather's clients open. */
@Singleton
final class ResponseFramingInstaller implements BeanCreatedEventListener<NettyClientCustomizer.Registry> {
    private static final String CODEC = ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC;

    @Override
    public NettyClientCustomizer.Registry onCreated(BeanCreatedEvent<NettyClientCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    /** The root customizer (no channel) makes one per connection. */
    private record PerConnection(Channel channel) implements NettyClientCustomizer {
        @Override
        public NettyClientCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(CODEC) != null && pipeline.get(ResponseFraming.NAME) == null) {
                pipeline.addAfter(CODEC, ResponseFraming.NAME, new ResponseFraming());
            }
        }
    }
}
