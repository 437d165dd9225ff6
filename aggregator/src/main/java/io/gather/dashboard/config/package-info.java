/**
 * The dashboard's settings: {@code gather.dashboard.*} for the request as a whole and one
 * {@code gather.sections.<name>.*} block per section, named like the downstream's
 * {@code micronaut.http.services.<name>.*}. Bad settings stop Gather at startup.
 */
package io.gather.dashboard.config;
