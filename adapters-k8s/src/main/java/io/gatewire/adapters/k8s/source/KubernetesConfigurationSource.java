package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway API objects and what they refer to, read from a cluster through fabric8 informers (resync
 * 0) on the served version of each kind ({@link ServedVersions}), and on the Secrets Gateways name
 * ({@link ReferencedSecrets}). Informers only signal changes; {@link #load()} reads their stores
 * and decodes through the one manifest decoder, re-decoding only objects whose resourceVersion
 * changed ({@link DecodedObjects}), and returns the very same {@link GatewayResources} when nothing
 * did.
 *
 * <p>The first load waits (at most {@link KubernetesSourceOptions#syncTimeout()}) for every
 * informer's initial list, so the first snapshot is never a partial view of the cluster; on timeout
 * it fails naming the informers still listing, and the end of their initial list signals a change,
 * so the load is retried. With a namespace in the options, namespaced kinds are watched in that
 * namespace only, and of the Namespaces only that one (its labels are all the {@code allowedRoutes}
 * selectors of its Gateways can see, as every route is in it too). GatewayClasses are
 * cluster-scoped and always watched. An optional kind whose CRD is installed after the source
 * started is found by asking discovery again every {@link
 * KubernetesSourceOptions#rediscoveryPeriod()}, and watched from then on, without a restart.
 *
 * <p>Longer than most classes: the informers' lifecycle (start, initial lists, rediscovery, close)
 * and the load that reads their stores share one lock and one set of informers, so they stay
 * together.
 */
public final class KubernetesConfigurationSource implements ConfigurationSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesConfigurationSource.class);
  private static final Runnable NOTHING = () -> {};

  private final KubernetesClient client;
  private final KubernetesSourceOptions options;
  private volatile List<ServedKind> kinds;
  // Optional kinds whose CRD was not served when the source was created; asked for again every
  // options.rediscoveryPeriod() until they are.
  private final List<WatchedKind> unserved;
  private final List<KindInformer> lateInformers = new ArrayList<>();
  private ScheduledExecutorService rediscovery;
  private boolean closed;

  /**
   * Completed by {@link #close()} before it takes the lock, so that a load waiting for the initial
   * lists (holding the lock) gives up at once instead of at its deadline.
   */
  private final CompletableFuture<Void> closing = new CompletableFuture<>();

  private final ObjectTrees trees = new ObjectTrees();
  private final DecodedObjects decoded = new DecodedObjects(trees);
  private final ReferencedSecrets secrets;
  private volatile Runnable listener = NOTHING;
  private volatile StatusEdits statusEdits = (apiVersion, kind, namespace, name) -> {};
  private volatile List<KindInformer> informers;
  private boolean initiallySynced;
  private GatewayResources last;

  private KubernetesConfigurationSource(
      KubernetesClient client, KubernetesSourceOptions options, List<ServedKind> kinds) {
    this.client = client;
    this.options = options;
    this.kinds = List.copyOf(kinds);
    this.unserved =
        new ArrayList<>(
            WatchedKind.CATALOG.stream()
                .filter(k -> kinds.stream().noneMatch(served -> served.kind().equals(k)))
                .toList());
    this.secrets = new ReferencedSecrets(client, options.namespace(), trees, this::signal);
  }

  /**
   * A source over {@code client}'s cluster. Asks the cluster which version of each kind it serves;
   * starts no informer yet (the first {@link #load()} or {@link #watch} does).
   *
   * @throws SourceException when discovery fails or a required Gateway API kind is not served
   */
  public static KubernetesConfigurationSource create(
      KubernetesClient client, KubernetesSourceOptions options) throws SourceException {
    List<ServedKind> kinds = new ServedVersions(client).resolve(WatchedKind.CATALOG);
    LOG.info(
        "watching {} in {}",
        kinds,
        options.namespace().map(ns -> "namespace " + ns).orElse("all namespaces"));
    return new KubernetesConfigurationSource(client, options, kinds);
  }

  /**
   * The object of {@code kind} as the informer cache holds it now (status included), or empty when
   * the cache has none or the informers have not started: what the status writer compares against
   * instead of asking the API server for every object.
   */
  public Optional<GenericKubernetesResource> cached(String kind, String namespace, String name) {
    List<KindInformer> running = informers;
    if (running == null) {
      return Optional.empty();
    }
    for (KindInformer informer : running) {
      if (informer.kind().kind().kind().equals(kind)) {
        return Optional.ofNullable(informer.cached(namespace, name));
      }
    }
    return Optional.empty();
  }

  /**
   * Who hears of status-only updates (which never re-translate): the status writer, so that a
   * status someone else overwrote is checked against what this controller wants it to hold.
   */
  public void onStatusEdited(StatusEdits edits) {
    this.statusEdits = edits;
  }

  /** An object whose status (and nothing Gatewire translates) was updated. */
  @FunctionalInterface
  public interface StatusEdits {
    void edited(String apiVersion, String kind, String namespace, String name);
  }

  /**
   * The apiVersion watched for each kind, such as {@code gateway.networking.k8s.io/v1 HTTPRoute}.
   */
  public List<String> watchedKinds() {
    return kinds.stream().map(ServedKind::toString).toList();
  }

  /**
   * Where the object {@code ref} of the last load was read: the cluster object and the
   * resourceVersion it was decoded from ({@code cluster: HTTPRoute shop/web resourceVersion 4711}),
   * or empty when the last load holds no such object.
   */
  public synchronized Optional<String> location(ObjectRef ref) {
    return decoded
        .resourceVersion(ref)
        .map(version -> "cluster: " + ref + " resourceVersion " + version);
  }

  @Override
  public synchronized GatewayResources load() throws SourceException {
    startInformers();
    long deadline = System.nanoTime() + options.syncTimeout().toNanos();
    if (!initiallySynced) {
      awaitSynced(informers, deadline, options.syncTimeout(), closing);
      initiallySynced = true;
    }
    for (KindInformer informer : informers) {
      readAll(informer);
    }
    List<KindInformer> started = secrets.reconcile(secrets.referencedBy(decoded.objectsSoFar()));
    awaitSynced(started, deadline, options.syncTimeout(), closing);
    for (KindInformer informer : secrets.informers()) {
      readAll(informer);
    }
    boolean changed = decoded.finish();
    if (changed || last == null) {
      last = GatewayResources.builder().addAll(decoded.objects()).build();
    }
    return last;
  }

  @Override
  public synchronized Watch watch(Runnable changed) {
    listener = changed;
    startInformers();
    return this::close;
  }

  /** Stops every informer; the client stays open (it is the caller's). */
  @Override
  public void close() {
    closing.complete(null);
    stopInformers();
  }

  private synchronized void stopInformers() {
    closed = true;
    listener = NOTHING;
    if (rediscovery != null) {
      rediscovery.shutdownNow();
    }
    if (informers != null) {
      informers.forEach(KindInformer::close);
    }
    lateInformers.forEach(KindInformer::close);
    secrets.close();
  }

  private void signal() {
    listener.run();
  }

  private void readAll(KindInformer informer) {
    for (GenericKubernetesResource object : informer.objects()) {
      decoded.read(informer.kind(), object);
    }
  }

  private void startInformers() {
    if (informers != null) {
      return;
    }
    List<KindInformer> started = new ArrayList<>();
    for (ServedKind kind : kinds) {
      started.add(startInformer(kind));
    }
    informers = List.copyOf(started);
    if (!unserved.isEmpty()) {
      rediscovery =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "gatewire-crd-rediscovery");
                thread.setDaemon(true);
                return thread;
              });
      long period = options.rediscoveryPeriod().toMillis();
      rediscovery.scheduleWithFixedDelay(this::rediscover, period, period, TimeUnit.MILLISECONDS);
    }
  }

  private KindInformer startInformer(ServedKind kind) {
    return KindInformer.start(
        kind.kind().kind(),
        kind,
        informer(kind),
        trees,
        this::signal,
        object ->
            statusEdits.edited(
                kind.apiVersion(),
                kind.kind().kind(),
                Objects.requireNonNullElse(object.getMetadata().getNamespace(), ""),
                object.getMetadata().getName()));
  }

  /**
   * Asks the API server whether optional kinds whose CRD was missing are served now; starts an
   * informer for each that is, and reads it from the first load after its initial list.
   */
  private void rediscover() {
    List<WatchedKind> stillUnserved;
    synchronized (this) {
      stillUnserved = List.copyOf(unserved);
    }
    if (stillUnserved.isEmpty()) {
      rediscovery.shutdown();
      return;
    }
    List<ServedKind> found;
    try {
      found = new ServedVersions(client).servedAmong(stillUnserved);
    } catch (SourceException | RuntimeException e) {
      LOG.debug("rediscovery of {} failed: {}", stillUnserved, e.getMessage());
      return;
    }
    for (ServedKind kind : found) {
      KindInformer informer;
      synchronized (this) {
        if (closed) {
          return;
        }
        unserved.remove(kind.kind());
        informer = startInformer(kind);
        lateInformers.add(informer);
      }
      LOG.info("now watching {}: its CRD is served since Gatewire started", kind);
      informer
          .synced()
          .thenRun(
              () -> {
                synchronized (this) {
                  lateInformers.remove(informer);
                  List<KindInformer> grown = new ArrayList<>(informers);
                  grown.add(informer);
                  informers = List.copyOf(grown);
                  List<ServedKind> watched = new ArrayList<>(kinds);
                  watched.add(kind);
                  kinds = List.copyOf(watched);
                }
                signal();
              });
    }
  }

  private SharedIndexInformer<GenericKubernetesResource> informer(ServedKind kind) {
    MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> resources =
        client.genericKubernetesResources(kind.context());
    if (options.namespace().isEmpty()
        || (!kind.kind().namespaced() && kind.kind() != WatchedKind.NAMESPACE)) {
      return resources.inAnyNamespace().runnableInformer(0);
    }
    String namespace = options.namespace().get();
    return kind.kind() == WatchedKind.NAMESPACE
        ? resources.withName(namespace).runnableInformer(0)
        : resources.inNamespace(namespace).runnableInformer(0);
  }

  /**
   * Waits until every informer has its initial list, or the deadline; then fails naming the
   * informers still listing, with the reason their last list failed (RBAC's "cannot list resource
   * ..."). They keep retrying: once the rule is granted they list, and that signals a new load.
   */
  private static void awaitSynced(
      Collection<KindInformer> informers,
      long deadline,
      Duration timeout,
      CompletableFuture<Void> closing)
      throws SourceException {
    CompletableFuture<?> all =
        CompletableFuture.allOf(
            informers.stream().map(KindInformer::synced).toArray(CompletableFuture[]::new));
    try {
      CompletableFuture.anyOf(all, closing)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (!all.isDone()) {
        throw new SourceException("cluster", "closed while waiting for the initial lists");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("cluster", "interrupted while waiting for the initial lists", e);
    } catch (TimeoutException e) {
      List<String> pending =
          informers.stream()
              .filter(i -> !i.synced().isDone())
              .map(i -> i.name() + i.lastError().map(reason -> " (" + reason + ")").orElse(""))
              .toList();
      throw new SourceException(
          "cluster", "informers not synced within " + timeout + ": " + pending, e);
    } catch (ExecutionException e) {
      List<String> failed =
          informers.stream()
              .filter(i -> i.synced().isCompletedExceptionally())
              .map(KindInformer::name)
              .toList();
      throw new SourceException(
          "cluster", "informers could not list " + failed + ": " + e.getCause().getMessage(), e);
    }
  }
}
