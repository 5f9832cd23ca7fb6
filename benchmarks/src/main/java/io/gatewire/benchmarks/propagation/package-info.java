/**
 * Change propagation through a real Envoy (docs/performance.md): {@code gatewire serve} in its own
 * process reading a generated workload from files, one Envoy over delta ADS, echo servers behind
 * the Services; the time from a file being written to the first request Envoy answers the new way,
 * requests lost while routes churn, and what each process costs. Entry point: {@link
 * io.gatewire.benchmarks.propagation.Propagation}.
 */
package io.gatewire.benchmarks.propagation;
