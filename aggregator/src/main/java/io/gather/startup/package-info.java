/** Starting Gather: the launcher, and the one check of every setting before anything uses one. */
package io.gather.startup;
