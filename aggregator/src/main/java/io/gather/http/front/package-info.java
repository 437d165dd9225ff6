/**
 * The HTTP/1.1 front: what happens to a request's bytes before Micronaut routes it. Netty's decoder,
 * made strict ({@link io.gather.http.front.StrictCodec}), frames requests; {@link io.gather.http.front.FrontGate}
 * refuses every request RFC 9112 says a server must refuse, answers it in order with a problem and
 * closes the connection ({@link io.gather.http.front.LastAnswer}). Nothing here parses headers twice
 * on the hot path: a well-formed request costs a handful of field lookups.
 */
package io.gather.http.front;
