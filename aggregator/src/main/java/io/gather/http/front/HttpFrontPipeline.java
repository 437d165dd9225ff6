package io.gather.http.front;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the front of every HTTP/1.1 connection: {@link RefusalPause}, {@link RequestClock} and {@link NotHttpSniffer} before the codec,
 * Gather's {@link StrictCodec} in place of Micronaut's, then {@link ConnectionLimit} and {@link FrontGate} (which adds
 * {@link CloseDelimited} right after the codec on a connection that carries an HTTP/1.0 request).
 */
@Singleton
final class HttpFrontPipeline implements BeanCreatedEventListener<ChannelPipelineCustomizer> {
    private static final String CODEC = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontPipeline.class);

    private final NettyHttpServerConfiguration server;
    private final ShutdownDrain drain;
    private final long readTimeoutNanos;
    private final FrontRefusalObserver observer;
    private final ConnectionLimit limit;

    HttpFrontPipeline(NettyHttpServerConfiguration server, ShutdownDrain drain, FrontSettings front, FrontRefusalObserver observer) {
        this.server = server;
        this.drain = drain;
        this.readTimeoutNanos = front.getRequestReadTimeout().toNanos();
        this.observer = observer;
        long openFiles = DescriptorShare.openFilesLimit();
        int maxConnections = DescriptorShare.maxConnections(front.getMaxConnections(), openFiles);
        if (maxConnections < front.getMaxConnections()) {
            LOG.warn("gather.front.max-connections {} is more than half the process's open-files limit ({}): each port holds {} at most."
                + " Raise the limit (ulimit -n, LimitNOFILE, the container's nofile) to allow more", front.getMaxConnections(), openFiles, maxConnections);
        }
        this.limit = new ConnectionLimit(maxConnections, observer);
    }

    @Override
    public ChannelPipelineCustomizer onCreated(BeanCreatedEvent<ChannelPipelineCustomizer> event) {
        ChannelPipelineCustomizer customizer = event.getBean();
        if (customizer.isServerChannel()) {
            customizer.doOnConnect(this::install);
        }
        return customizer;
    }

    private ChannelPipeline install(ChannelPipeline pipeline) {
        if (pipeline.get(CODEC) instanceof HttpServerCodec && pipeline.get(FrontGate.NAME) == null) {
            pipeline.replace(CODEC, CODEC, StrictCodec.create(server));
            FrontGate gate = new FrontGate(server.getMaxRequestSize(), drain, readTimeoutNanos, observer);
            pipeline.addBefore(CODEC, NotHttpSniffer.NAME, new NotHttpSniffer(CODEC));
            pipeline.addBefore(NotHttpSniffer.NAME, RequestClock.NAME, gate.clock());
            pipeline.addBefore(RequestClock.NAME, RefusalPause.NAME, new RefusalPause());
            pipeline.addAfter(CODEC, FrontGate.NAME, gate);
            pipeline.addAfter(CODEC, ConnectionLimit.NAME, limit);
        }
        return pipeline;
    }
}
