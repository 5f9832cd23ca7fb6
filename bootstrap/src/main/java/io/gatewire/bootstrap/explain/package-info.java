/**
 * {@code gatewire explain}: reads what an operator has in hand (an Envoy resource or stat name, a
 * Prometheus label set or series, an access log line, a request) as clues, traces them back to the
 * objects through one translation ({@link io.gatewire.domain.explain.Explainer}), and renders the
 * chain as text or JSON; the command and {@code serve}'s {@code /explain} share it.
 */
package io.gatewire.bootstrap.explain;
