/** Types more than one downstream uses. */
package io.gather.clients.common;
