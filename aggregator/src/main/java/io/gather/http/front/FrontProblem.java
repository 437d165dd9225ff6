package io.gather.http.front;

import io.gather.http.HttpDate;
import io.gather.http.Problem;
import io.gather.http.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a {@link Rejection} as the same problem+json Micronaut's answers carry (README, "Errors"):
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, {@code requestId}, with
 * {@code Date}, {@code X-Request-Id}, {@code Connection: close} and the rejection's {@code Retry-After}, if
 * any. {@code instance} is the request's path when its target was read and is valid, otherwise
 * {@code urn:uuid:<requestId>}; the caller's {@code X-Request-Id} is kept only for a request that was fully parsed.
 */
final class FrontProblem {
    private FrontProblem() {
    }

    /** {@code request} is null, or failed to decode, when nothing in it can be trusted. */
    static FullHttpResponse of(Rejection rejection, HttpRequest request, ByteBufAllocator alloc) {
        boolean parsed = request != null && request.decoderResult().isSuccess();
        String path = parsed ? RequestTarget.path(request.uri()) : null;
        String requestId = parsed && path != null
            ? RequestIds.choose(request.headers().get(RequestIds.HEADER))
            : UUID.randomUUID().toString();
        String instance = path != null ? path : "urn:uuid:" + requestId;
        String json = "{\"type\":\"" + Problem.ABOUT_BLANK
            + "\",\"title\":\"" + rejection.status().reasonPhrase()
            + "\",\"status\":" + rejection.status().code()
            + ",\"detail\":\"" + rejection.detail()
            + "\",\"instance\":\"" + instance
            + "\",\"requestId\":\"" + requestId + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteBuf body = alloc.buffer(bytes.length).writeBytes(bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status(), body);
        response.headers()
            .set(HttpHeaderNames.DATE, HttpDate.now())
            .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
            .set(RequestIds.HEADER, requestId);
        if (rejection.retryAfterSeconds() > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, rejection.retryAfterSeconds());
        }
        return response;
    }
}
