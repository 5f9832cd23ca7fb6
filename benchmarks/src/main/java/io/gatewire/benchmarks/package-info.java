/**
 * Figures 1-6 of docs/performance.md: JMH benchmarks over generated workloads ({@link
 * io.gatewire.bootstrap.generate.WorkloadGenerator}), driven through the classes {@code serve} uses
 * (ConfigurationPipeline into XdsServing, without the gRPC server), the non-timed probes (version
 * changes, retained heap, bytes per route), and {@link io.gatewire.benchmarks.Report}, which runs
 * them all and writes the table and JSON that docs/performance.md quotes.
 */
package io.gatewire.benchmarks;
