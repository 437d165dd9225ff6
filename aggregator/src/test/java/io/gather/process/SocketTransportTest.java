package io.gather.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.LoggedLines;
import io.micronaut.http.server.netty.NettyServerCustomizer.ChannelRole;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log says which transport the ports run on, in the words the setting takes. */
class SocketTransportTest {
    @Test
    void eachTransportIsNamedAsTheSettingNamesIt() {
        assertEquals("io_uring", SocketTransport.nameOf(IoUringServerSocketChannel.class));
        assertEquals("epoll", SocketTransport.nameOf(EpollServerSocketChannel.class));
        assertEquals("nio", SocketTransport.nameOf(NioServerSocketChannel.class));
        assertEquals(EmbeddedChannel.class.getName(), SocketTransport.nameOf(EmbeddedChannel.class));
    }

    @Test
    void theFirstListeningPortIsToldAndNothingElse() {
        LoggedLines log = new LoggedLines(SocketTransport.class.getName()).attach();
        EmbeddedChannel channel = new EmbeddedChannel();
        try {
            var customizer = new SocketTransport.OnListener();
            customizer.specializeForChannel(channel, ChannelRole.CONNECTION);
            assertEquals(List.of(), log.messages());
            customizer.specializeForChannel(channel, ChannelRole.LISTENER);
            customizer.specializeForChannel(channel, ChannelRole.LISTENER);   // the management port: the same transport
            assertEquals(1, log.messages().size(), log.messages().toString());
            assertTrue(log.messages().get(0).startsWith("sockets: " + EmbeddedChannel.class.getName()), log.messages().get(0));
        } finally {
            log.detach();
            channel.finishAndReleaseAll();
        }
    }
}
