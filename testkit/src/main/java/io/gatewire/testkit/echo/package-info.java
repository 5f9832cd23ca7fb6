/**
 * Loopback echo backends speaking the Gateway API conformance echo contract ({@link
 * io.gatewire.testkit.echo.EchoServer}: HTTP/1.1, h2c, WebSocket), and {@link
 * io.gatewire.testkit.echo.EchoBackends}, which starts them for the Services of a test's manifests
 * and points those Services' EndpointSlices at them.
 */
package io.gatewire.testkit.echo;
