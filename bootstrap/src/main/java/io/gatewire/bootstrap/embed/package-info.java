/**
 * The public entry point for platform teams that embed Gatewire: {@link
 * io.gatewire.bootstrap.embed.Gatewire} wires any source port and any sink ports around the
 * translator through Guice modules they can extend or override.
 */
package io.gatewire.bootstrap.embed;
