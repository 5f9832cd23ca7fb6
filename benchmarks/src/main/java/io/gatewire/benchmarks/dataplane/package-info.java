/**
 * Figures measured through the real data plane: {@code serve} and a real Envoy (the bootstrap
 * module's {@code EnvoyFixture}) with the testkit's echo backends. {@link
 * io.gatewire.benchmarks.dataplane.ReloadLatency} times a saved edit to the first request Envoy
 * routes differently.
 */
package io.gatewire.benchmarks.dataplane;
