package io.gather.http.front;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed {@code accept} on a listening port, told as one line. Netty's acceptor already stops accepting for a
 * second and then tries again (the connection waits in the kernel's queue), but it passes the failure on to the end
 * of the pipeline, which logged it with its stack, as a bug, every second: with no file descriptor left
 * ({@code Too many open files}) that is a stack trace a second. Here it is a WARN naming the cause and what to do,
 * at most once every {@value #EVERY_SECONDS} s, with how many more there were.
 */
@Singleton
final class AcceptFailures implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String NAME = "gather-accept-failures";
    static final long EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AcceptFailures.class);

    private final Handler handler = new Handler();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnListener(handler));
        return event.getBean();
    }

    /** Adds the handler to each listening channel, behind the acceptor, which has paused accepting by then. */
    private record OnListener(Handler handler) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.LISTENER && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addLast(NAME, handler);
            }
            return this;
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        private final AtomicLong lastToldNanos = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(EVERY_SECONDS + 1));
        private final AtomicLong untold = new AtomicLong();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof IOException)) {
                ctx.fireExceptionCaught(cause);
                return;
            }
            long now = System.nanoTime();
            long last = lastToldNanos.get();
            if (now - last < TimeUnit.SECONDS.toNanos(EVERY_SECONDS) || !lastToldNanos.compareAndSet(last, now)) {
                untold.incrementAndGet();
                return;
            }
            LOG.warn("Could not accept a connection on {} ({}); new connections wait in the kernel's queue and accepting resumes"
                    + " in 1 s. \"Too many open files\": raise the open-files limit, or lower gather.front.max-connections. {} more since the last"
                    + " such line", ctx.channel().localAddress(), cause.getMessage(), untold.getAndSet(0));
        }
    }
}
