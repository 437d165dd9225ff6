package io.gather.http.front;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * A request's header fields, validated as Netty validates them, that refuse the one silent repair
 * Netty's decoder makes: given {@code Content-Length} beside {@code Transfer-Encoding: chunked}, it
 * drops the length and reads chunks (RFC 9112 §6.3 allows that, but a proxy in front may have used the
 * length: request smuggling). The decoder calls {@code remove(Content-Length)} at exactly that point;
 * refusing it there fails the decoding, so Netty stops reading the connection and the second request a
 * smuggler hid in the body is never decoded.
 */
final class FramingHeaders extends DefaultHttpHeaders {
    static final HttpHeadersFactory FACTORY = new Factory();
    private static final DefaultHttpHeadersFactory NETTY = DefaultHttpHeadersFactory.headersFactory();

    private FramingHeaders() {
        super(NETTY.getNameValidator(), NETTY.getValueValidator());
    }

    @Override
    public HttpHeaders remove(CharSequence name) {
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
            && contains(HttpHeaderNames.CONTENT_LENGTH) && contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            throw new Rejection.AmbiguousFraming();
        }
        return super.remove(name);
    }

    @Override
    public HttpHeaders remove(String name) {
        return remove((CharSequence) name);
    }

    private static final class Factory implements HttpHeadersFactory {
        @Override
        public HttpHeaders newHeaders() {
            return new FramingHeaders();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return new FramingHeaders();
        }
    }
}
