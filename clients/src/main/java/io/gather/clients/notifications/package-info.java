/** The notifications service: a user's unread notifications. */
package io.gather.clients.notifications;
