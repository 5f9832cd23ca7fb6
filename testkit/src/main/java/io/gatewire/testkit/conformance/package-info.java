/**
 * The Gateway API HTTPRoute conformance data (v1.6.1) vendored as resources of this module, with
 * its provenance in {@code README.md} beside it, and a reader that copies it to a directory.
 */
package io.gatewire.testkit.conformance;
