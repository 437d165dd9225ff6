/** The profile service: who the user is. */
package io.gather.clients.profile;
