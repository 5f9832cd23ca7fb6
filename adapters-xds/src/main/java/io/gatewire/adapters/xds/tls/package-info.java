/**
 * Envoy's certificate rules: which {@code tls.crt} and {@code tls.key} pairs Envoy serves on a
 * listener, so that the translator never sends a Secret Envoy would refuse (a refused Secret leaves
 * the listener serving TLS with no certificate). Entry point: {@link
 * io.gatewire.adapters.xds.tls.EnvoyCertificateRules}.
 *
 * <p>The PEM blocks and the ASN.1 inside them are read with BouncyCastle ({@code bcpkix}, no
 * security provider registered), which knows every form a Kubernetes TLS Secret holds (PKCS#8,
 * PKCS#1 and SEC1 keys, encrypted keys, trusted certificates); the JDK's own providers turn the
 * keys into Java keys and prove the key is the certificate's. The JDK alone reads only PKCS#8 keys,
 * which is what the domain's conservative default settles for.
 */
package io.gatewire.adapters.xds.tls;
