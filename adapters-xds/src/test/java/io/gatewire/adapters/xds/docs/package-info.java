/** Checks that the Envoy configuration printed in {@code docs/} is what Envoy accepts. */
package io.gatewire.adapters.xds.docs;
