package io.gather.process;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, at startup, the transport the sockets run on. {@code micronaut.netty.event-loops.default.transport}
 * lists them in order of preference and Micronaut takes the first that works here (io_uring is refused by some
 * kernels and container profiles), so only the running process can say which it was.
 */
@Singleton
final class SocketTransport implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnListener());
        return event.getBean();
    }

    /** The transport a channel class belongs to, as the setting names it. */
    static String nameOf(Class<? extends Channel> type) {
        String name = type.getSimpleName();
        if (name.startsWith("IoUring")) {
            return "io_uring";
        }
        if (name.startsWith("Epoll")) {
            return "epoll";
        }
        if (name.startsWith("KQueue")) {
            return "kqueue";
        }
        return name.startsWith("Nio") ? "nio" : type.getName();
    }

    /** Once: every port takes the same transport. */
    static final class OnListener implements NettyServerCustomizer {
        private final AtomicBoolean told = new AtomicBoolean();

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.LISTENER && told.compareAndSet(false, true)) {
                LOG.info("sockets: {} (micronaut.netty.event-loops.default.transport, env GATHER_TRANSPORT)", nameOf(channel.getClass()));
            }
            return this;
        }
    }
}
