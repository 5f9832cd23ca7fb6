/**
 * The Gateway API HTTPRoute conformance suite (v1.6.1 data vendored under {@code
 * src/test/resources/conformance}) run through {@code gatewire route-check}.
 */
package io.gatewire.conformance;
