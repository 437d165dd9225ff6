/**
 * Known clients ({@code gather.clients.<client-id>}): the partner integrations and apps that call Gather, each
 * with its rate-limit tier and, optionally, the sections it may ever see.
 */
package io.gather.auth.clients;
