/**
 * How the process sits on its machine, apart from any request: the heap's growth after a full collection
 * ({@link io.gather.process.HeapGrowth}), sized for the dashboards an instance holds in flight at its peak.
 */
package io.gather.process;
