package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.StatusInfo;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.controlplane.server.serializer.CachedProtoResourcesSerializer;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsDocumentWriter;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.serve.ServingMetrics.BuildResult;
import io.gatewire.domain.ir.Instances;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.port.ProxyConfigSink;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The xDS server: every published IR becomes one snapshot per Gateway (for nodes whose {@code
 * cluster} is the Gateway's {@code namespace/name}) and one of all Gateways merged ({@code *}, for
 * every other node), served over ADS (state of the world and delta) and the per-type discovery
 * services.
 *
 * <p>Versions are content hashes, so an unchanged resource keeps its version and its proto instance
 * across publishes and restarts, and a group whose content did not change is not pushed. A snapshot
 * that fails {@link SnapshotConsistency} is a bug: it is logged and the group keeps its previous
 * one. NACKs are logged once, counted, and not answered with the rejected version again ({@link
 * NackSuppressingWatcher}). Node groups that name no Gateway (nodes that connected before the first
 * publish, or whose Gateway went away) are served the merged snapshot.
 *
 * <p>{@link #publish} may be called from any thread, before or after {@link #start}.
 */
public final class XdsServing implements ProxyConfigSink, AutoCloseable {
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final ServingOptions options;
  private final InetAddress bindAddress;
  private final Duration drainTimeout;
  private final ServingLog log;
  private final ServingMetrics metrics;
  private final XdsTranslator translator;
  private final NodeGroups nodeGroups;
  private final SimpleCache<String> cache;
  private final StreamLedger ledger;
  private final NackSuppressingWatcher watcher;

  /** Serializes publishes; guards the interner. */
  private final Object publishLock = new Object();

  private final ResourceInterner interner = new ResourceInterner();

  /** What a node is served that may have no Gateway's snapshot. */
  private final ContentVersionedSnapshot nothing =
      ContentVersionedSnapshot.of(
          new XdsResources(List.of(), List.of(), List.of(), List.of(), List.of()),
          new ResourceInterner());

  /** The snapshot served to each Gateway group and to {@code *}; replaced whole on publish. */
  private volatile SortedMap<String, ContentVersionedSnapshot> served =
      Collections.emptySortedMap();

  /** The IR the served snapshots were built from; guarded by the publish lock. */
  private Ir published;

  /**
   * ClusterLoadAssignments replaced by {@link #publishEndpointsOnly} since the last full build,
   * which neither rolls the mappers' memos nor prunes the interner: past a bound, the next publish
   * is full.
   */
  private int endpointPatches;

  private Server server;
  private TlsCredentialFiles tlsFiles;
  private PushExecutors pushExecutors;
  private ServingThreads threads;

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
    this.options = options;
    this.bindAddress = bindAddress;
    this.drainTimeout = drainTimeout;
    this.log = log;
    this.translator = new XdsTranslator(options.metadata(), options.listeners());
    this.nodeGroups = new NodeGroups(log, !options.authorizeBySan());
    this.cache = new SimpleCache<>(nodeGroups);
    this.metrics = new ServingMetrics(registry);
    this.ledger =
        new StreamLedger(
            nack -> {
              log.nack(nack);
              metrics.nack(nack);
            });
    metrics.countStreams(ledger::openStreams);
    this.watcher = new NackSuppressingWatcher(cache, nodeGroups, ledger);
  }

  /**
   * Binds the port and starts serving; snapshots published before are served at once. With TLS,
   * reads the certificate files first: a {@link TlsFileException} names the one that is not usable.
   */
  public synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    pushExecutors = PushExecutors.perCore();
    V3DiscoveryServer discovery =
        new V3DiscoveryServer(
            List.of(ledger), watcher, pushExecutors, new CachedProtoResourcesSerializer());
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

  /** The bound port. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  @Override
  public void publish(Ir ir) {
    synchronized (publishLock) {
      build(ir);
    }
  }

  private void build(Ir ir) {
    Timer.Sample sample = Timer.start();
    if (published != null && Instances.same(published.gateways(), ir.gateways())) {
      // the translator hands out the previous IR Gateways when nothing in them changed
      served.keySet().forEach(group -> metrics.built(BuildResult.UNCHANGED));
      sample.stop(metrics.buildTimer());
      return;
    }
    if (publishEndpointsOnly(ir)) {
      sample.stop(metrics.buildTimer());
      return;
    }
    endpointPatches = 0;
    Map<String, XdsResources> parts = new LinkedHashMap<>();
    ir.gateways().forEach(gateway -> parts.put(gateway.key(), translator.translate(gateway)));
    parts.put(NodeGroups.MERGED, XdsResources.union(List.copyOf(parts.values())));

    SortedMap<String, ContentVersionedSnapshot> next = new TreeMap<>();
    Set<String> changed = new HashSet<>();
    // with one Gateway, its resources are the merged ones: one snapshot serves both groups
    Map<XdsResources, ContentVersionedSnapshot> builtFor = new IdentityHashMap<>();
    parts.forEach(
        (group, resources) -> {
          ContentVersionedSnapshot previous = served.get(group);
          ContentVersionedSnapshot same = builtFor.get(resources);
          if (same != null) {
            next.put(group, same);
            metrics.built(same == previous ? BuildResult.UNCHANGED : BuildResult.PUBLISHED);
            if (same != previous) {
              changed.add(group);
            }
            return;
          }
          List<String> violations = SnapshotConsistency.violations(resources);
          if (!violations.isEmpty()) {
            log.inconsistent(group, violations);
            metrics.built(BuildResult.INCONSISTENT);
            if (previous != null) {
              next.put(group, previous);
            }
            return;
          }
          ContentVersionedSnapshot snapshot =
              ContentVersionedSnapshot.of(resources, interner, previous);
          if (previous != null && previous.sameVersionsAs(snapshot)) {
            metrics.built(BuildResult.UNCHANGED);
            next.put(group, previous);
            builtFor.put(resources, previous);
            return;
          }
          builtFor.put(resources, snapshot);
          metrics.built(BuildResult.PUBLISHED);
          next.put(group, snapshot);
          changed.add(group);
        });

    Set<String> gateways = new HashSet<>(next.keySet());
    gateways.remove(NodeGroups.MERGED);
    nodeGroups.gatewaysAre(gateways);
    served = Collections.unmodifiableSortedMap(next);
    changed.forEach(group -> cache.setSnapshot(group, next.get(group)));
    changed.addAll(serveMergedToStrayGroups(next.get(NodeGroups.MERGED)));
    watcher.snapshotsChanged(changed);
    interner.retainOnly(next.values());
    translator.forgetUnused();
    metrics.mergedIs(next.get(NodeGroups.MERGED));
    published = ir;
    sample.stop(metrics.buildTimer());
  }

  /**
   * The fast path for an IR that differs from the published one only in the localities of EDS
   * clusters (as the translator gives for a change of EndpointSlices), with one Gateway, whose
   * snapshot is also the merged one: only the changed ClusterLoadAssignments are mapped and
   * versioned, and the snapshot is the previous one with those replaced. False, having done
   * nothing, for any other change.
   */
  private boolean publishEndpointsOnly(Ir ir) {
    if (published == null || ir.gateways().size() != 1 || published.gateways().size() != 1) {
      return false;
    }
    IrGateway before = published.gateways().get(0);
    IrGateway after = ir.gateways().get(0);
    ContentVersionedSnapshot previous = served.get(after.key());
    if (previous == null
        || served.get(NodeGroups.MERGED) != previous
        || !before.key().equals(after.key())
        || !Instances.same(before.listeners(), after.listeners())
        || !Instances.same(before.routeConfigs(), after.routeConfigs())
        || !Instances.same(before.secrets(), after.secrets())
        || before.clusters().size() != after.clusters().size()) {
      return false;
    }
    List<IrCluster> changed = new ArrayList<>();
    for (int i = 0; i < after.clusters().size(); i++) {
      IrCluster was = before.clusters().get(i);
      IrCluster is = after.clusters().get(i);
      if (was == is) {
        continue;
      }
      // an EDS cluster's own proto does not hold its endpoints: equal in all else, it is unchanged
      if (!was.name().equals(is.name())
          || was.discovery() != IrCluster.Discovery.EDS
          || is.discovery() != IrCluster.Discovery.EDS
          || was.protocol() != is.protocol()
          || !was.metadata().equals(is.metadata())) {
        return false;
      }
      changed.add(is);
    }
    int bound = Math.max(64, previous.endpoints().versionedResources().size() / 8);
    if (endpointPatches + changed.size() > bound) {
      return false;
    }
    endpointPatches += changed.size();
    Map<String, ClusterLoadAssignment> replacements = new HashMap<>();
    changed.forEach(cluster -> replacements.put(cluster.name(), translator.endpoints(cluster)));
    ContentVersionedSnapshot next = previous.withEndpoints(replacements, interner);
    published = ir;
    if (next.sameVersionsAs(previous)) {
      served.keySet().forEach(group -> metrics.built(BuildResult.UNCHANGED));
      return true;
    }
    SortedMap<String, ContentVersionedSnapshot> nextServed = new TreeMap<>(served);
    nextServed.replaceAll((group, snapshot) -> next);
    served.keySet().forEach(group -> metrics.built(BuildResult.PUBLISHED));
    served = Collections.unmodifiableSortedMap(nextServed);
    Set<String> groups = new HashSet<>(nextServed.keySet());
    groups.forEach(group -> cache.setSnapshot(group, next));
    groups.addAll(serveMergedToStrayGroups(next));
    watcher.snapshotsChanged(groups);
    metrics.mergedIs(next);
    return true;
  }

  /**
   * Gives the merged snapshot to every group the cache knows that is neither a Gateway nor {@code
   * *}: nodes that connected before their group was known, or whose Gateway is gone. When the
   * merged snapshot is not for strays ({@link NodeGroups}), they get an empty one instead.
   */
  private Set<String> serveMergedToStrayGroups(Snapshot merged) {
    Set<String> changed = new HashSet<>();
    if (merged == null) {
      return changed;
    }
    if (!nodeGroups.mergeForStrays()) {
      merged = nothing;
    }
    for (String group : cache.groups()) {
      if (group.equals(NodeGroups.MERGED) || nodeGroups.isGateway(group)) {
        continue;
      }
      Snapshot current = cache.getSnapshot(group);
      if (current != merged) {
        cache.setSnapshot(group, merged);
        changed.add(group);
      }
    }
    return changed;
  }

  /**
   * The node groups with a snapshot: each Gateway's {@code namespace/name} and {@code *}, sorted.
   */
  public Set<String> nodeGroups() {
    return served.keySet();
  }

  /**
   * The xDS each node group is served, printed as the {@code translate} command prints it; sorted
   * by group.
   */
  public Map<String, String> configDump(XdsDocument.Format format) {
    XdsDocumentWriter writer =
        new XdsDocumentWriter(
            format == XdsDocument.Format.JSON
                ? XdsDocumentWriter.Format.JSON
                : XdsDocumentWriter.Format.YAML);
    Map<String, String> dump = new LinkedHashMap<>();
    served.forEach((group, snapshot) -> dump.put(group, writer.write(snapshot.resources())));
    return dump;
  }

  /** The xDS streams open now. */
  public int connectedStreams() {
    return ledger.openStreams();
  }

  /**
   * What the server remembers, for leak checks: the mappers' memo entries ({@link
   * XdsTranslator#memoSizes}), the interner's entries, the NACKed watches parked, and the cache's
   * open watches and node groups. Taken under the publish lock, so no publish is half done.
   */
  Map<String, Integer> internalSizes() {
    synchronized (publishLock) {
      Map<String, Integer> sizes = new LinkedHashMap<>();
      translator.memoSizes().forEach((memo, size) -> sizes.put("memo." + memo, size));
      sizes.put("interner", interner.size());
      sizes.put("parkedWatches", watcher.parkedWatches());
      sizes.put("firstDeltaWatches", watcher.waitingFirstDeltaWatches());
      int watches = 0;
      for (String group : cache.groups()) {
        StatusInfo<String> status = cache.statusInfo(group);
        watches += status == null ? 0 : status.numWatches();
      }
      sizes.put("cacheWatches", watches);
      sizes.put("cacheGroups", cache.groups().size());
      return sizes;
    }
  }

  /**
   * The resources a node group is served, the very instances the cache holds; null for an unknown
   * group.
   */
  XdsResources servedResources(String group) {
    ContentVersionedSnapshot snapshot = served.get(group);
    return snapshot == null ? null : snapshot.resources();
  }

  /** Every group a node has asked for so far, including groups that are no Gateway. */
  Collection<String> requestedGroups() {
    return cache.groups();
  }

  /** The snapshot a node group is served; null for an unknown group. */
  Snapshot servedSnapshot(String group) {
    return served.get(group);
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
}
