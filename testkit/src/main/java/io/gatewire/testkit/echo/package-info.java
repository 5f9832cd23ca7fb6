/**
 * Loopback echo backends speaking the Gateway API conformance echo contract ({@link
 * io.gatewire.testkit.echo.EchoServer}: HTTP/1.1, h2c, WebSocket, a request log); {@link
 * io.gatewire.testkit.echo.EchoBackends}, which starts them for the Services of a test's manifests
 * (or for its Deployments, as a cluster runs them) and points those Services' EndpointSlices at
 * them; and {@link io.gatewire.testkit.echo.EchoClient}, which sends a request as the conformance
 * harness does and reads the echoed answer.
 */
package io.gatewire.testkit.echo;
