package io.gatewire.adapters.xds.serve;

import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A started {@link XdsServing} on a loopback ephemeral port with a simple meter registry and its
 * log lines recorded. {@link #publish} checks every snapshot it serves against Envoy's own field
 * constraints, so every test that publishes through it checks them too.
 */
final class ServingHarness implements AutoCloseable {
  final MeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  final XdsServing serving;

  private ServingHarness(ServingOptions options, Duration drainTimeout) {
    serving =
        new XdsServing(
            options,
            registry,
            new ServingLog(logLines::add),
            InetAddress.getLoopbackAddress(),
            drainTimeout);
    try {
      serving.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plaintext, Secrets withheld from every stream (none is authenticated). */
  static ServingHarness started() {
    return started(new ServingOptions(0, MetadataOptions.DEFAULTS));
  }

  static ServingHarness started(Duration drainTimeout) {
    return new ServingHarness(new ServingOptions(0, MetadataOptions.DEFAULTS), drainTimeout);
  }

  static ServingHarness started(ServingOptions options) {
    return new ServingHarness(options, Duration.ofMillis(200));
  }

  /** Publishes {@code ir}, then validates what every node group is served. */
  ServingHarness publish(Ir ir) {
    serving.publish(ir);
    serving
        .nodeGroups()
        .forEach(group -> EnvoyValidator.assertValid(serving.servedResources(group)));
    return this;
  }

  AdsTestClient client(String nodeId, String nodeCluster) {
    return AdsTestClient.connect(serving.port(), nodeId, nodeCluster);
  }

  int port() {
    return serving.port();
  }

  List<String> logLinesContaining(String text) {
    return logLines.stream().filter(line -> line.contains(text)).toList();
  }

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Override
  public void close() {
    serving.close();
  }
}
