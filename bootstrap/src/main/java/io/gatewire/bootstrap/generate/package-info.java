/**
 * Seeded workload generator: {@link io.gatewire.bootstrap.generate.WorkloadSpec} in, Gateway API
 * manifests out (the {@code gatewire generate} command, and the input of the benchmarks). The same
 * spec and seed always give the same bytes, so a performance figure can be reproduced anywhere.
 */
package io.gatewire.bootstrap.generate;
