package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC server and its TLS lifecycle: ADS (state of the world and delta) and the per-type
 * discovery services over java-control-plane, on the options' port and address, in plaintext, TLS
 * or mutual TLS from PEM files re-read while serving ({@link TlsCredentialFiles}). Requests pass
 * the interceptors that clean them up and guard them before the library's stream observers see them
 * ({@link NodeCarryOver}, {@link SecretGuard}, {@link SanAuthorization}, {@link DeltaNonceGuard}),
 * and responses are pushed from a pool of their own ({@link PushExecutors}).
 */
final class XdsServer implements AutoCloseable {
  private final ServingOptions options;
  private final InetAddress bindAddress;
  private final Duration drainTimeout;
  private final ServingLog log;
  private final StreamLedger ledger;
  private final NackSuppressingWatcher watcher;

  private Server server;
  private TlsCredentialFiles tlsFiles;
  private PushExecutors pushExecutors;
  private ServingThreads threads;

  /** With {@code bindAddress} null, listens on every interface. */
  XdsServer(
      ServingOptions options,
      InetAddress bindAddress,
      Duration drainTimeout,
      ServingLog log,
      StreamLedger ledger,
      NackSuppressingWatcher watcher) {
    this.options = options;
    this.bindAddress = bindAddress;
    this.drainTimeout = drainTimeout;
    this.log = log;
    this.ledger = ledger;
    this.watcher = watcher;
  }

  /**
   * Binds the port and starts serving. With TLS, reads the certificate files first: a {@link
   * TlsFileException} names the one that is not usable.
   */
  synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    pushExecutors = PushExecutors.perCore();
    V3DiscoveryServer discovery =
        new V3DiscoveryServer(
            List.of(ledger), watcher, pushExecutors, new RouteConfigurationSerializer());
    InetSocketAddress address =
        bindAddress == null
            ? new InetSocketAddress(options.port())
            : new InetSocketAddress(bindAddress, options.port());
    NettyServerBuilder builder;
    if (options.tls().isPresent()) {
      try {
        tlsFiles = TlsCredentialFiles.load(options.tls().get(), log);
      } catch (IOException | RuntimeException e) {
        pushExecutors.close();
        throw e;
      }
      builder = NettyServerBuilder.forAddress(address, tlsFiles.credentials());
    } else {
      builder = NettyServerBuilder.forAddress(address);
    }
    threads = ServingThreads.perCore();
    builder
        .bossEventLoopGroup(threads.accept())
        .workerEventLoopGroup(threads.io())
        .channelType(NioServerSocketChannel.class)
        .executor(threads.calls());
    // the last interceptor sees a request first: the node is carried over before anyone reads it
    List<ServerInterceptor> interceptors = new ArrayList<>(List.of(new DeltaNonceGuard()));
    if (options.authorizeBySan()) {
      interceptors.add(new SanAuthorization());
    }
    if (!options.allowInsecureSecrets()) {
      interceptors.add(new SecretGuard());
    }
    interceptors.add(new NodeCarryOver());
    List.<BindableService>of(
            discovery.getAggregatedDiscoveryServiceImpl(),
            discovery.getListenerDiscoveryServiceImpl(),
            discovery.getRouteDiscoveryServiceImpl(),
            discovery.getClusterDiscoveryServiceImpl(),
            discovery.getEndpointDiscoveryServiceImpl(),
            discovery.getSecretDiscoveryServiceImpl())
        .forEach(
            service -> builder.addService(ServerInterceptors.intercept(service, interceptors)));
    try {
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      closeTlsFiles();
      pushExecutors.close();
      threads.close();
      throw e;
    }
    log.serving(server.getPort(), transport());
    if (options.allowInsecureSecrets()) {
      log.insecureSecrets();
    }
  }

  /** The bound port. */
  synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  /**
   * Stops accepting streams, gives the open ones the drain timeout to end, then cancels the rest
   * (clients see UNAVAILABLE and reconnect, to this server's successor).
   */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    closeTlsFiles();
    server.shutdown();
    try {
      if (!server.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      pushExecutors.close();
      threads.close();
    }
  }

  /**
   * The threads a started server holds, by pool (thread names with digits written {@code #}): each
   * pool has a fixed size, so this is the whole of the server's threads however many streams come
   * and go.
   */
  synchronized Map<String, Integer> threadPools() {
    Map<String, Integer> pools = new LinkedHashMap<>(threads.sizes());
    pools.putAll(pushExecutors.sizes());
    return pools;
  }

  private String transport() {
    if (options.tls().isEmpty()) {
      return "plaintext";
    }
    XdsTls tls = options.tls().get();
    return tls.mutual()
        ? "mutual TLS: client certificates signed by "
            + tls.clientCa().get()
            + " required"
            + (options.authorizeBySan() ? ", each authorized for the Gateway its SAN names" : "")
        : "TLS, no client certificates";
  }

  private void closeTlsFiles() {
    if (tlsFiles != null) {
      tlsFiles.close();
      tlsFiles = null;
    }
  }
}
