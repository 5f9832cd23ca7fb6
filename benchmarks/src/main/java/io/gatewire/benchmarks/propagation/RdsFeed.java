package io.gatewire.benchmarks.propagation;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.gatewire.adapters.xds.XdsResources;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A delta-capable ADS server on a free loopback port that serves one node group a fixed set of
 * listeners, clusters and endpoints (as Gatewire served them) and whichever RouteConfiguration it
 * was last given: java-control-plane's own cache and discovery server, which send only the
 * resources whose version changed, so a new RouteConfiguration is the only thing Envoy receives.
 */
final class RdsFeed implements AutoCloseable {
  private static final String GROUP = "rds-apply";
  private final SimpleCache<String> cache = new SimpleCache<>(node -> GROUP);
  private final XdsResources fixed;
  private final Server server;
  private long version;

  RdsFeed(XdsResources fixed) {
    this.fixed = fixed;
    V3DiscoveryServer discovery = new V3DiscoveryServer(cache);
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .addService(discovery.getAggregatedDiscoveryServiceImpl())
              .maxInboundMessageSize(64 << 20)
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  /**
   * A snapshot with the fixed resources and {@code routes}; built ahead of {@link #serve}, so that
   * hashing the fixed resources is not part of a measured update.
   */
  Snapshot snapshot(RouteConfiguration routes) {
    version++;
    return Snapshot.create(
        fixed.clusters(),
        "fixed",
        fixed.endpoints(),
        "fixed",
        fixed.listeners(),
        "fixed",
        List.of(routes),
        Long.toString(version),
        fixed.secrets(),
        "fixed");
  }

  /** Serves {@code snapshot} to every connected and later Envoy. */
  void serve(Snapshot snapshot) {
    cache.setSnapshot(GROUP, snapshot);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
