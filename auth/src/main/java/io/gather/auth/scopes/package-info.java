/**
 * What a caller may see: dashboard scopes ({@code dashboard}, {@code dashboard:<section>}) narrowed by the
 * client's configuration. {@link io.gather.auth.scopes.SectionAccess} is the one place that decides.
 */
package io.gather.auth.scopes;
