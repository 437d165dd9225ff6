/** The orders service: a user's recent orders. */
package io.gather.clients.orders;
