/**
 * Views of the dashboard: what each section's data looks like in an answer ({@code full}: as the downstream sent
 * it; {@code compact}: a few fields for a phone). Declared as data in {@link io.gather.dashboard.view.Views}.
 */
package io.gather.dashboard.view;
