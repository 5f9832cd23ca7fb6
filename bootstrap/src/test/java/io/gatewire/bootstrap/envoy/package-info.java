/**
 * Gatewire judged by a real Envoy: {@link io.gatewire.bootstrap.envoy.EnvoyFixture} runs {@code
 * serve} in this JVM with Envoys from the testkit pointed at it, on loopback and free ports; the
 * tests here serve the golden cases, the provenance contract and the empty-type start (defect 1) to
 * it. {@link io.gatewire.bootstrap.envoy.EnvoyTraffic} sends route-check's requests to such an
 * Envoy and {@link io.gatewire.bootstrap.envoy.RouteCheckAgreement} says whether route-check
 * predicted what Envoy did.
 */
package io.gatewire.bootstrap.envoy;
