/**
 * The serving half of the xDS sink: {@link io.gatewire.adapters.xds.serve.XdsServing} turns each
 * published IR into one content-versioned snapshot per node group (a Gateway, or {@code *} for all
 * of them merged) and serves it over ADS and the per-type discovery services through
 * java-control-plane. Around the library it adds what the library gets wrong or leaves out:
 * versions that are content hashes, our own consistency check, NACKs that are reported once and not
 * resent, request clean-up before the library's stream observers see them (a node carried over from
 * the stream's first request, stale delta nonces dropped), and Micrometer metrics. Transport
 * security (docs/security.md): TLS and mutual TLS from PEM files re-read while serving ({@link
 * io.gatewire.adapters.xds.serve.XdsTls}), no Secret on a stream without a verified client
 * certificate ({@code SecretGuard}), and nodes authorized for the Gateway their client
 * certificate's SAN names ({@code SanAuthorization}).
 */
package io.gatewire.adapters.xds.serve;
