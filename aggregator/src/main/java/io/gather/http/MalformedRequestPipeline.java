package io.gather.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import jakarta.inject.Singleton;

/** Puts {@link MalformedRequestHandler} right after the server's HTTP/1.1 codec on every connection. */
@Singleton
final class MalformedRequestPipeline implements BeanCreatedEventListener<ChannelPipelineCustomizer> {
    private static final MalformedRequestHandler HANDLER = new MalformedRequestHandler();

    @Override
    public ChannelPipelineCustomizer onCreated(BeanCreatedEvent<ChannelPipelineCustomizer> event) {
        ChannelPipelineCustomizer customizer = event.getBean();
        if (customizer.isServerChannel()) {
            customizer.doOnConnect(pipeline -> {
                if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(MalformedRequestHandler.NAME) == null) {
                    pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, MalformedRequestHandler.NAME, HANDLER);
                }
                return pipeline;
            });
        }
        return customizer;
    }
}
