/**
 * HTTP concerns shared by every endpoint: request ids, and RFC 9457 problem details for every error
 * Gather or Micronaut answers (security's 401/403, unknown routes, bad requests, unexpected failures).
 */
package io.gather.http;
