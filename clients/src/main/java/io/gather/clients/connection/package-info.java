/** How Gather's clients hold their connections to the downstreams, whatever the service. */
package io.gather.clients.connection;
