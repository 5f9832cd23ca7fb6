/**
 * The Gateway API HTTPRoute conformance suite (v1.6.1 data vendored in the testkit module) run
 * through {@code gatewire route-check}.
 */
package io.gatewire.conformance;
