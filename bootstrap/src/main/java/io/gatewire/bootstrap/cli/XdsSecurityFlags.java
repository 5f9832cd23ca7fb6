package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsTls;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.translate.SecretDelivery;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s transport security for the xDS port (docs/security.md): TLS from PEM files,
 * mutual TLS with a client CA, whether Secrets may go to unauthenticated streams, and authorization
 * of a node's Gateway by its client certificate's SAN. Combinations that make no sense are usage
 * errors (exit 2); files that cannot be read or parsed are reported by the server when it starts
 * (exit 1, naming the file).
 */
final class XdsSecurityFlags {
  /** Why Secrets are withheld without mutual TLS, as the listener status says it. */
  static final String WITHHELD =
      "the xDS server runs without mutual TLS, so it hands out no TLS keys;"
          + " start gatewire serve with --xds-tls-cert, --xds-tls-key and --xds-client-ca"
          + " (or, for local development only, --allow-insecure-secrets)";

  @Option(
      names = "--xds-tls-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate chain of the xDS server: serve xDS over TLS (needs --xds-tls-key). Reloaded when it changes.")
  Path certificate;

  @Option(
      names = "--xds-tls-key",
      paramLabel = "FILE",
      description = "PEM (PKCS#8) private key of --xds-tls-cert. Reloaded when it changes.")
  Path key;

  @Option(
      names = "--xds-client-ca",
      paramLabel = "FILE",
      description =
          "PEM CA bundle: require xDS clients to present a certificate it signed (mutual TLS);"
              + " only then are Secrets served. Reloaded when it changes.")
  Path clientCa;

  @Option(
      names = "--allow-insecure-secrets",
      description =
          "Serve Secrets (TLS private keys) to xDS clients without a verified client certificate."
              + " Local development only.")
  boolean allowInsecureSecrets;

  @Option(
      names = "--xds-authorize-by-san",
      description =
          "Serve a node only the Gateway its client certificate names (URI SAN <namespace>/<name>"
              + " or .../ns/<namespace>/gateway/<name>, or DNS SAN <name>.<namespace>). Needs --xds-client-ca.")
  boolean authorizeBySan;

  /** The serving options these flags ask for; a usage error when they contradict each other. */
  ServingOptions servingOptions(CommandLine commandLine, int port, MetadataOptions metadata) {
    if ((certificate == null) != (key == null)) {
      throw new CommandLine.ParameterException(
          commandLine, "--xds-tls-cert and --xds-tls-key go together: give both");
    }
    if (clientCa != null && certificate == null) {
      throw new CommandLine.ParameterException(
          commandLine, "--xds-client-ca needs TLS: give --xds-tls-cert and --xds-tls-key too");
    }
    if (authorizeBySan && clientCa == null) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--xds-authorize-by-san needs mutual TLS: give --xds-tls-cert, --xds-tls-key and --xds-client-ca");
    }
    Optional<XdsTls> tls =
        certificate == null
            ? Optional.empty()
            : Optional.of(
                new XdsTls(
                    certificate, key, Optional.ofNullable(clientCa), XdsTls.DEFAULT_REFRESH));
    return new ServingOptions(port, metadata, tls, allowInsecureSecrets, authorizeBySan);
  }

  /** Whether the translator may put Secrets into the xDS that server serves. */
  static SecretDelivery secretDelivery(ServingOptions serving) {
    return serving.secretsServable() ? SecretDelivery.SERVED : SecretDelivery.withheld(WITHHELD);
  }
}
