/**
 * Test support published in the {@code tests} jar for other modules: {@link
 * io.gatewire.adapters.xds.testing.EnvoyValidator} runs Envoy's own field constraints
 * (protoc-gen-validate) over generated resources, {@link io.gatewire.adapters.xds.testing.IrYaml}
 * reads and writes IR fixtures, {@link io.gatewire.adapters.xds.testing.IrFixtures} builds them in
 * code, {@link io.gatewire.adapters.xds.testing.TestPki} issues test certificates.
 */
package io.gatewire.adapters.xds.testing;
