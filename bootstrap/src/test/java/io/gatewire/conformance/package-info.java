/**
 * The Gateway API HTTPRoute conformance suite (v1.6.1 data vendored in the testkit module), run
 * through {@code gatewire route-check} ({@link io.gatewire.conformance.ConformanceSuiteTest}) and
 * through the real data plane ({@link io.gatewire.conformance.ConformanceThroughEnvoyTest}: echo
 * Pods, {@code serve}, a real Envoy, each case sent and judged as the upstream harness does, and
 * route-check's prediction held against what Envoy did).
 */
package io.gatewire.conformance;
