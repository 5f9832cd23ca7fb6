package io.gatewire.adapters.xds.serve;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every line the xDS server writes for operators, worded in one place. Each line also goes to an
 * observer, so tests can count lines without depending on a logging backend.
 */
final class ServingLog {
  private static final Logger LOGGER = LoggerFactory.getLogger(XdsServing.class);

  private final Consumer<String> observer;

  ServingLog(Consumer<String> observer) {
    this.observer = observer;
  }

  static ServingLog toLogger() {
    return new ServingLog(line -> {});
  }

  void nack(Nack nack) {
    warn(
        String.format(
            "xDS NACK from node '%s' (cluster '%s'): %s version %s rejected: %s",
            nack.nodeId(), nack.nodeCluster(), nack.shortType(), nack.version(), nack.detail()));
  }

  void unauthorizedStrayNode(String nodeId, String cluster, Collection<String> knownGateways) {
    warn(
        String.format(
            "xDS node '%s' names cluster '%s', which is no known Gateway: with --xds-authorize-by-san it"
                + " gets nothing until that Gateway exists. Known Gateways: %s",
            nodeId, cluster, knownGateways));
  }

  void unknownNodeCluster(String nodeId, String cluster, Collection<String> knownGateways) {
    warn(
        String.format(
            "xDS node '%s' names cluster '%s', which is no known Gateway: it gets every Gateway merged."
                + " Set the node's cluster to one of %s",
            nodeId, cluster, knownGateways));
  }

  void inconsistent(String group, List<String> violations) {
    String line =
        String.format(
            "BUG: the xDS snapshot for '%s' is inconsistent, keeping the previous one: %s",
            group, String.join("; ", violations));
    LOGGER.error(line);
    observer.accept(line);
  }

  void serving(int port, String transport) {
    String line = "xDS server listening on port " + port + " (" + transport + ")";
    LOGGER.info(line);
    observer.accept(line);
  }

  void insecureSecrets() {
    warn(
        "--allow-insecure-secrets: TLS private keys are served to xDS clients without a verified client"
            + " certificate; anyone who can reach the xDS port can read them. For local development only.");
  }

  void tlsReloaded(Path file) {
    String line = "xDS TLS: reloaded " + file + "; new connections use it";
    LOGGER.info(line);
    observer.accept(line);
  }

  void tlsReloadFailed(String problem) {
    warn("xDS TLS: keeping the previous credentials, the changed file is not usable: " + problem);
  }

  private void warn(String line) {
    LOGGER.warn(line);
    observer.accept(line);
  }
}
