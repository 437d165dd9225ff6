package io.gather.clients.connection;

import java.time.Duration;

/** The longest anyone waits for one downstream call (the dashboard's deadline): no exchange is cut before it. */
@FunctionalInterface
public interface LongestCallWait {
    Duration longest();
}
