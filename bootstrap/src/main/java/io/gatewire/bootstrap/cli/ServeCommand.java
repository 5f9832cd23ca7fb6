package io.gatewire.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.file.LoadResult;
import io.gatewire.adapters.k8s.cluster.ClusterStatus;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.admin.AdminServer;
import io.gatewire.bootstrap.admin.ProcessMetrics;
import io.gatewire.bootstrap.build.BuildInfo;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.bootstrap.explain.ExplainEndpoint;
import io.gatewire.bootstrap.explain.ExplainState;
import io.gatewire.bootstrap.logging.UserLoggers;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewire serve}: serves xDS over ADS from watched manifest files or from a cluster's
 * objects (informers), with admin HTTP beside it. A broken edit keeps the last good configuration
 * serving; {@code /readyz} says ready only once a first configuration is served (for a cluster:
 * after every informer's initial list); SIGTERM drains and exits 0, also while it starts ({@link
 * StopSignals}). From a cluster, every replica serves and the holder of a Lease writes status back.
 *
 * <p>Longer than most classes: its flag groups are mixins already; what is left is the start-up and
 * drain order of both sources (file and cluster), kept in one method so the order reads top to
 * bottom, and the start-up line and config dump the operator sees.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve xDS to Envoy over ADS from Gateway API manifests (-f) or a cluster (--source kubernetes), "
            + "reloading on change.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = UserLoggers.SERVE;

  /** Where the Gateway API objects come from. */
  enum Source {
    file,
    kubernetes
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      description =
          "A file, a directory (all *.yaml, *.yml, *.json below it) or - for stdin; repeatable; watched.")
  List<String> paths;

  @Option(
      names = "--source",
      defaultValue = "file",
      paramLabel = "file|kubernetes",
      description =
          "Read objects from files (default) or a cluster: informers on the Gateway API kinds, "
              + "Services, EndpointSlices, Namespaces and the Secrets Gateways reference.")
  Source source;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig for --source kubernetes (default: KUBECONFIG, ~/.kube/config or in-cluster).")
  Path kubeconfig;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description =
          "Only watch this namespace (--source kubernetes); GatewayClasses are cluster-wide.")
  String namespace;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      description =
          "Namespace of the leader-election Lease (--source kubernetes; default: $POD_NAMESPACE, else default).")
  String leaseNamespace;

  @Option(
      names = "--lease-name",
      defaultValue = "gatewire-leader",
      paramLabel = "NAME",
      description =
          "Name of the leader-election Lease; only its holder writes status (default: ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(
      names = "--xds-port",
      defaultValue = "18000",
      paramLabel = "PORT",
      description = "ADS gRPC port (default: ${DEFAULT-VALUE}).")
  int xdsPort;

  @Option(
      names = "--debounce",
      defaultValue = "25ms",
      paramLabel = "DURATION",
      converter = DurationFlag.class,
      description =
          "Reload once changes have been quiet this long (an editor's save is one reload), and at"
              + " least once a second while they keep coming (default: ${DEFAULT-VALUE}; raise it"
              + " for files written in pieces further apart).")
  Duration debounce;

  @Mixin AdminFlags admin;

  @Mixin TranslationFlags flags;

  @Mixin XdsSecurityFlags security;

  @Mixin BindingFlags binding;

  @Mixin ProxySettingsFlags proxySettings;

  private ProxySettingsSpec proxyDefaults;

  private final InputStream stdin;
  private final boolean handleSignals;
  private final StopSignals signals = new StopSignals();
  private final CompletableFuture<Serving> started = new CompletableFuture<>();

  ServeCommand(InputStream stdin) {
    this(stdin, true);
  }

  /**
   * For a host that runs {@code serve} in its own JVM (tests): without signal handlers, it stops on
   * {@link #stop()}.
   */
  ServeCommand(InputStream stdin, boolean handleSignals) {
    this.stdin = stdin;
    this.handleSignals = handleSignals;
  }

  /** The ports bound, once serving. */
  record Serving(int xdsPort, InetSocketAddress admin) {}

  /** Completes once xDS and admin HTTP listen; fails if {@code serve} ends before. */
  CompletableFuture<Serving> serving() {
    return started;
  }

  /** Drains and returns, as SIGTERM does. */
  void stop() {
    signals.request("stop");
  }

  @Override
  public Integer call() throws Exception {
    boolean hasPaths = paths != null && !paths.isEmpty();
    if (source == Source.kubernetes && hasPaths) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "-f PATH and --source kubernetes exclude each other");
    }
    if (source == Source.file && !hasPaths) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "serve needs -f PATH (or --source kubernetes)");
    }
    if (source == Source.file
        && (kubeconfig != null || namespace != null || leaseNamespace != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--kubeconfig, --namespace and --lease-namespace need --source kubernetes");
    }
    proxyDefaults = proxySettings.spec(spec.commandLine());
    ServingOptions serving =
        binding.apply(
            spec.commandLine(),
            security.servingOptions(spec.commandLine(), xdsPort, flags.options().metadata()));
    AdminServer.Access adminAccess = admin.access(spec.commandLine());
    if (handleSignals) {
      signals.install();
    }
    try {
      return serve(serving, adminAccess, signals);
    } catch (Exception e) {
      if (!signals.requested()) {
        throw e;
      }
      LOG.info("{} while starting: stopped ({})", signals.stopped().join(), e.getMessage());
      return GatewireCommand.EXIT_OK;
    } finally {
      signals.close();
    }
  }

  /** Serves from the source chosen, until SIGTERM or SIGINT. */
  private int serve(ServingOptions serving, AdminServer.Access adminAccess, StopSignals signals)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ExplainState explain = new ExplainState(flags.options().metadata());
    if (source == Source.file) {
      FileConfigurationSource files =
          new FileConfigurationSource(
              paths.stream().map(Path::of).toList(), stdin, flags.inputLimits(spec.commandLine()));
      return serve(
          explain.source(
              files,
              () -> {
                LoadResult loaded = files.loadWithWarnings();
                return new ExplainState.Located(
                    loaded.resources(), ref -> loaded.locations().get(ref));
              }),
          new StatusLog(),
          serving,
          adminAccess,
          registry,
          signals,
          explain);
    }
    try (KubernetesCluster cluster = KubernetesCluster.connect(Optional.ofNullable(kubeconfig))) {
      LOG.info("reading Gateway API objects from the cluster at {}", cluster.masterUrl());
      KubernetesConfigurationSource objects =
          signals.interrupting(() -> cluster.source(KubernetesSourceOptions.namespace(namespace)));
      LeaderElectionSettings lease = LeaderElectionSettings.defaults(leaseNamespace(), leaseName);
      ClusterStatus status =
          cluster.status(
              flags.options().controllerName(), objects, lease, new StatusWriteCounters(registry));
      Gauge.builder("gatewire.status.leader", status, s -> s.isLeader() ? 1 : 0)
          .description("1 while this replica holds the Lease and writes status")
          .register(registry);
      LOG.info(
          "status is written by the holder of Lease {}/{}; this replica is {}",
          lease.leaseNamespace(),
          lease.leaseName(),
          lease.identity());
      StatusLog log = new StatusLog();
      return serve(
          explain.source(
              objects,
              () ->
                  new ExplainState.Located(
                      objects.load(), ref -> objects.location(ref).orElse(null))),
          (statuses, warnings) -> {
            status.report(statuses, warnings);
            log.report(statuses, warnings);
          },
          serving,
          adminAccess,
          registry,
          signals,
          explain);
    }
  }

  /**
   * The Lease's namespace: the flag, else the pod's namespace (downward API), else {@code default}.
   */
  private String leaseNamespace() {
    if (leaseNamespace != null) {
      return leaseNamespace;
    }
    String pod = System.getenv("POD_NAMESPACE");
    return pod == null || pod.isBlank() ? "default" : pod;
  }

  private int serve(
      ConfigurationSource configuration,
      StatusSink statusSink,
      ServingOptions serving,
      AdminServer.Access adminAccess,
      PrometheusMeterRegistry registry,
      StopSignals signals,
      ExplainState explain)
      throws IOException {
    TranslatorOptions options =
        flags
            .options()
            .withSecrets(XdsSecurityFlags.secretDelivery(serving))
            .withProxySettings(proxyDefaults);
    try (XdsServing xds = new XdsServing(serving, registry);
        ProcessMetrics process = ProcessMetrics.bind(registry, BuildInfo.current())) {
      xds.start();
      Gatewire gatewire =
          Gatewire.builder()
              .source(configuration)
              .proxySink(explain.proxySink(xds))
              .statusSink(explain.statusSink(statusSink))
              .options(options)
              .debounce(debounce)
              .build();
      Gauge.builder("gatewire.config.stale", gatewire, g -> g.state().stale() ? 1 : 0)
          .description(
              "1 when the latest input failed and the last good configuration is being served")
          .register(registry);
      Gauge.builder("gatewire.config.ready", gatewire, g -> g.state().hasConfiguration() ? 1 : 0)
          .description("1 once a configuration is being served")
          .register(registry);
      FunctionCounter.builder(
              "gatewire.config.translations", gatewire, g -> g.state().translations())
          .description("translations published")
          .register(registry);
      FunctionCounter.builder("gatewire.config.errors", gatewire, g -> g.state().errors())
          .description(
              "loads that failed (the last good configuration kept serving); /readyz names the last one")
          .register(registry);
      // Admin first: /healthz answers and /readyz says why not ready while the first load waits for
      // the
      // cluster's initial lists.
      try (AdminServer adminServer =
          new AdminServer(
              adminAccess,
              gatewire::state,
              registry::scrape,
              () -> configDump(xds),
              new ExplainEndpoint(explain)::answer)) {
        adminServer.start();
        ConfigurationSource.Watch watch = startUnlessStopped(gatewire, signals);
        if (watch != null) {
          LOG.info(startupLine(xds.port(), xds.nodeGroups(), adminServer.address()));
          started.complete(new Serving(xds.port(), adminServer.address()));
        }
        try {
          String signal = signals.stopped().join();
          LOG.info(
              "{}: shutting down, draining xDS streams{}",
              signal,
              watch == null ? " (the first load had not finished)" : "");
        } finally {
          if (watch != null) {
            watch.close();
          }
        }
      }
    }
    return GatewireCommand.EXIT_OK;
  }

  /**
   * What an operator needs first: the Gateways served (the node group {@code *}, every Gateway
   * merged, is not one) and where xDS and admin listen.
   */
  static String startupLine(int xdsPort, Set<String> nodeGroups, InetSocketAddress admin) {
    List<String> gateways = nodeGroups.stream().filter(g -> !g.equals("*")).sorted().toList();
    String served =
        gateways.isEmpty()
            ? "no Gateway of this controller yet"
            : "Gateways " + String.join(", ", gateways);
    return "serving "
        + served
        + " over xDS on port "
        + xdsPort
        + " (an Envoy whose node cluster is <namespace>/<gateway> gets that Gateway, any other"
        + " node all of them merged); admin HTTP on "
        + hostAndPort(admin);
  }

  /** {@code 127.0.0.1:19000}, {@code [::1]:19000}: no leading {@code /}, no host name lookup. */
  static String hostAndPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /**
   * Starts following the source (its first load may be slow: a large input, a cluster's initial
   * lists) beside this thread, and returns its watch; null when a stop is requested first, and the
   * watch is then closed whenever the start ends.
   */
  private static ConfigurationSource.Watch startUnlessStopped(
      Gatewire gatewire, StopSignals signals) {
    CompletableFuture<ConfigurationSource.Watch> watching = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                watching.complete(gatewire.start());
              } catch (Throwable t) {
                watching.completeExceptionally(t);
              }
            },
            "gatewire-start");
    starter.setDaemon(true);
    starter.start();
    CompletableFuture.anyOf(watching, signals.stopped()).exceptionally(t -> null).join();
    if (!watching.isDone()) {
      watching.thenAccept(ConfigurationSource.Watch::close);
      return null;
    }
    try {
      return watching.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  static String configDump(XdsServing xds) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode dump = json.createObjectNode();
    try {
      for (Map.Entry<String, String> group : xds.configDump(XdsDocument.Format.JSON).entrySet()) {
        dump.set(group.getKey(), json.readTree(group.getValue()));
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(dump);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
