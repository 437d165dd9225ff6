package io.gather.http.front;

import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The HTTP/1.1 codec Gather puts in place of Micronaut's. Micronaut builds Netty's codec from
 * {@code micronaut.server.netty.*} (line and header limits, chunk size, header validation) but offers
 * no way to pass a decoder configuration; this one takes the same settings and makes the strict
 * choices explicit rather than relying on Netty's defaults: header names and values validated, LF
 * only after CR ({@code strictLineParsing}), repeated Content-Length refused even when the values
 * agree, and {@link FramingHeaders} for Content-Length beside chunked.
 */
final class StrictCodec {
    private StrictCodec() {
    }

    static HttpServerCodec create(NettyHttpServerConfiguration server) {
        HttpDecoderConfig config = new HttpDecoderConfig()
            .setMaxInitialLineLength(server.getMaxInitialLineLength())
            .setMaxHeaderSize(server.getMaxHeaderSize())
            .setMaxChunkSize(server.getMaxChunkSize())
            .setInitialBufferSize(server.getInitialBufferSize())
            .setChunkedSupported(server.isChunkedSupported())
            .setStrictLineParsing(true)
            .setAllowDuplicateContentLengths(false)
            .setHeadersFactory(FramingHeaders.FACTORY)
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory());
        return new HttpServerCodec(config);
    }
}
