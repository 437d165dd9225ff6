/** The recommendations service: products picked for the user. */
package io.gather.clients.recommendations;
