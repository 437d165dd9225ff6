/**
 * What Gather knows of its downstream services: one declarative client per service (its id ties it to
 * {@code micronaut.http.services.<id>.*}) and the records of the published contract. Clients answer
 * {@code HttpResponse<T>}: every error status, 404 included, arrives as an
 * {@code HttpClientResponseException}, and a 200 without a body stays distinguishable from a 404
 * (a declarative {@code Mono<T>} would turn both into an empty result). Unknown fields are ignored.
 */
package io.gather.clients;
