/** Gather's HTTP API: the dashboard endpoints, the JSON they answer, and how a failed dashboard maps to a status. */
package io.gather.api;
