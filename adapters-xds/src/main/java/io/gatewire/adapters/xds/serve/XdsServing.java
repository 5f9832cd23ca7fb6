package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.port.ProxyConfigSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The xDS sink: published IR is served to Envoy over ADS. It is made of three parts around one
 * java-control-plane cache: {@link SnapshotPublisher} builds and versions a snapshot per node group
 * from each IR; {@link XdsServer} runs the gRPC server and its TLS; {@link ServedConfig} shows what
 * is served (the config dump, and the introspection tests and leak checks use). NACKs are logged
 * once, counted, and not answered with the rejected version again ({@link NackSuppressingWatcher}).
 *
 * <p>{@link #publish} may be called from any thread, before or after {@link #start}.
 */
public final class XdsServing implements ProxyConfigSink, AutoCloseable {
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final SnapshotPublisher publisher;
  private final XdsServer server;
  private final ServedConfig served;

  /**
   * Binds the options' address (every interface when it has none). Registers its meters in {@code
   * registry}; one server per registry, as gauges bind to the first.
   */
  public XdsServing(ServingOptions options, MeterRegistry registry) {
    this(options, registry, ServingLog.toLogger(), options.address().orElse(null), DRAIN_TIMEOUT);
  }

  /** With {@code bindAddress} null, listens on every interface. */
  XdsServing(
      ServingOptions options,
      MeterRegistry registry,
      ServingLog log,
      InetAddress bindAddress,
      Duration drainTimeout) {
    NodeGroups nodeGroups = new NodeGroups(log, !options.authorizeBySan());
    SimpleCache<String> cache = new SimpleCache<>(nodeGroups);
    ServingMetrics metrics = new ServingMetrics(registry);
    StreamLedger ledger =
        new StreamLedger(
            nack -> {
              log.nack(nack);
              metrics.nack(nack);
            });
    metrics.countStreams(ledger::openStreams);
    NackSuppressingWatcher watcher = new NackSuppressingWatcher(cache, nodeGroups, ledger);
    this.publisher = new SnapshotPublisher(options, cache, nodeGroups, watcher, metrics, log);
    this.server = new XdsServer(options, bindAddress, drainTimeout, log, ledger, watcher);
    this.served = new ServedConfig(publisher, cache, watcher, ledger);
  }

  /**
   * Binds the port and starts serving; snapshots published before are served at once. With TLS,
   * reads the certificate files first: a {@link TlsFileException} names the one that is not usable.
   */
  public void start() throws IOException {
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  @Override
  public void publish(Ir ir) {
    publisher.publish(ir);
  }

  /**
   * The node groups with a snapshot: each Gateway's {@code namespace/name} and {@code *}, sorted.
   */
  public Set<String> nodeGroups() {
    return served.nodeGroups();
  }

  /**
   * The xDS each node group is served, printed as the {@code translate} command prints it; sorted
   * by group.
   */
  public Map<String, String> configDump(XdsDocument.Format format) {
    return served.configDump(format);
  }

  /** The xDS streams open now. */
  public int connectedStreams() {
    return served.connectedStreams();
  }

  /** What the server remembers, for leak checks ({@link ServedConfig#internalSizes()}). */
  Map<String, Integer> internalSizes() {
    return served.internalSizes();
  }

  /**
   * The resources a node group is served, the very instances the cache holds; null for an unknown
   * group.
   */
  XdsResources servedResources(String group) {
    return served.resources(group);
  }

  /** The threads a started server holds, by pool ({@link XdsServer#threadPools()}). */
  Map<String, Integer> threadPools() {
    return server.threadPools();
  }

  /** Every group a node has asked for so far, including groups that are no Gateway. */
  Collection<String> requestedGroups() {
    return served.requestedGroups();
  }

  /** The snapshot a node group is served; null for an unknown group. */
  Snapshot servedSnapshot(String group) {
    return served.snapshot(group);
  }

  /**
   * Stops accepting streams, gives the open ones the drain timeout to end, then cancels the rest
   * (clients see UNAVAILABLE and reconnect, to this server's successor).
   */
  @Override
  public void close() {
    server.close();
  }
}
