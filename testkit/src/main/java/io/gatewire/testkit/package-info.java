/**
 * Test infrastructure for Gatewire's own tests and benchmarks: the vendored Gateway API conformance
 * data, a real Envoy started as a child process, a real kube-apiserver, and loopback echo backends.
 * Nothing here is part of the product.
 */
package io.gatewire.testkit;
