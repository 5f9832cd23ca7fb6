package io.gatewire.benchmarks.ads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.envoyproxy.controlplane.cache.Resources;
import io.gatewire.adapters.xds.serve.ServingInternals;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.service.ConfigurationPipeline;
import io.gatewire.application.service.PipelineReload;
import io.gatewire.benchmarks.JvmProbe;
import io.gatewire.benchmarks.Serving;
import io.gatewire.benchmarks.Workloads;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The churn soak ({@code benchmarks/soak.sh}, docs/reliability.md): routes created and deleted in
 * cycles through a watched {@link RouteSource} (files by default) into the pipeline {@code serve}
 * runs (the embedded Gatewire with its debounce) and a started XdsServing, with a few ADS streams
 * that stay connected and must ACK every converged state, and clients that connect and leave all
 * along (some before their first response, half of them cutting the connection). Each cycle also
 * adds input the source rejects (unreadable input beside the routes, or a route updated to a
 * version the decoder refuses: {@link RouteSource.BrokenInput}) and checks that the last good
 * configuration keeps serving.
 *
 * <p>The baseline is taken after a warm-up cycle (classes loaded, pools started, memos sized): heap
 * after full GCs, live threads, open streams, the server's memos and watches and the translator's
 * memos. After the last cycle, with its routes deleted, each is read again: heap should be within
 * 10% of the baseline, and the rest equal to it.
 *
 * <p>{@code java -cp benchmarks.jar io.gatewire.benchmarks.ads.ChurnSoak [--routes 1000] [--cycles
 * 50] [--streams 4] [--client-churn 1000] [--source files|kubernetes|kube-apiserver] [--out
 * benchmarks/target/soak.json]}; {@code kubernetes} runs the cluster source against fabric8's CRUD
 * mock API server, {@code kube-apiserver} against a real kube-apiserver and etcd ({@link
 * KubernetesRouteSource}).
 */
public final class ChurnSoak {
  private static final String GROUP = Serving.GATEWAY_GROUP;

  /** The pipeline's longest debounce: a reload the watch signalled has run by then. */
  private static final long SETTLE_MS = ConfigurationPipeline.LONGEST_DEBOUNCE.toMillis();

  /** How the soak is shaped; {@code timeoutSeconds} bounds each wait. */
  public record Settings(
      int routes, int cycles, int streams, int clientChurn, long timeoutSeconds) {
    public static final Settings DEFAULTS = new Settings(1000, 50, 4, 1000, 120);
  }

  /** The levels compared: at the baseline, with the last cycle's routes loaded, at the end. */
  public record Levels(
      long heapBytes,
      int liveThreads,
      Map<String, Integer> threadsByPool,
      int serverStreams,
      Map<String, Integer> servingSizes,
      Map<String, Integer> translatorMemos) {}

  /**
   * One cycle: milliseconds from the first write to every stream ACKing the routes, and the same
   * for their deletion; whether the broken input left the served state and the streams as they
   * were; heap after full GCs at the cycle's end.
   */
  public record Cycle(
      int cycle, double applyMs, double deleteMs, boolean brokenInputKept, long heapBytes) {}

  /**
   * The soak's figures; {@code serverPools} are the xDS server's thread pools with their fixed
   * sizes ({@code XdsServing}'s), which every level must show exactly.
   */
  public record Result(
      Settings settings,
      String source,
      Levels baseline,
      Levels loaded,
      Levels end,
      List<Cycle> cycles,
      int clientsChurned,
      double heapRatio,
      Map<String, Integer> serverPools) {}

  private ChurnSoak() {}

  public static void main(String[] args) throws Exception {
    Settings defaults = Settings.DEFAULTS;
    int routes = defaults.routes();
    int cycles = defaults.cycles();
    int streams = defaults.streams();
    int churn = defaults.clientChurn();
    Path out = Path.of("benchmarks/target/soak.json");
    String medium = "files";
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--routes" -> routes = Integer.parseInt(value);
        case "--cycles" -> cycles = Integer.parseInt(value);
        case "--streams" -> streams = Integer.parseInt(value);
        case "--client-churn" -> churn = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        case "--source" -> medium = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Result result;
    try (RouteSource source = routeSource(medium)) {
      result = run(new Settings(routes, cycles, streams, churn, defaults.timeoutSeconds()), source);
    }
    System.out.print(table(result));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.println("JSON: " + out);
  }

  private static RouteSource routeSource(String medium) throws Exception {
    if ("files".equals(medium)) {
      return new FileRouteSource(Files.createTempDirectory("gatewire-soak"));
    }
    if ("kubernetes".equals(medium)) {
      return KubernetesRouteSource.start();
    }
    if ("kube-apiserver".equals(medium)) {
      return KubernetesRouteSource.startOnRealApiServer();
    }
    throw new IllegalArgumentException(
        "--source is files, kubernetes (fabric8's mock API server) or kube-apiserver (a real one),"
            + " not "
            + medium);
  }

  /** Runs the soak on {@code routes}, which must start empty. */
  public static Result run(Settings settings, RouteSource routes) throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(settings.routes());
    routes.applyBase(Workloads.withoutRoutes(WorkloadGenerator.yaml(spec)));
    try (XdsServing xds =
        new XdsServing(
            new ServingOptions(0, TranslatorOptions.DEFAULTS.metadata()),
            new SimpleMeterRegistry())) {
      xds.start();
      Gatewire gatewire = Gatewire.builder().source(routes.source()).proxySink(xds).build();
      ConfigurationPipeline pipeline = gatewire.injector().getInstance(ConfigurationPipeline.class);
      try (ConfigurationSource.Watch watch = gatewire.start();
          LoadClients clients = new LoadClients(xds.port(), 2, 2, false)) {
        Soak soak = new Soak(settings, routes, xds, gatewire, pipeline, clients);
        return soak.run(routes.getClass().getSimpleName());
      }
    }
  }

  /** One soak's state. */
  private static final class Soak {
    private final Settings settings;
    private final RouteSource routes;
    private final XdsServing xds;
    private final Gatewire gatewire;
    private final ConfigurationPipeline pipeline;
    private final LoadClients clients;
    private final List<LoadStream<?, ?>> steady = new ArrayList<>();
    private int churned;

    Soak(
        Settings settings,
        RouteSource routes,
        XdsServing xds,
        Gatewire gatewire,
        ConfigurationPipeline pipeline,
        LoadClients clients) {
      this.settings = settings;
      this.routes = routes;
      this.xds = xds;
      this.gatewire = gatewire;
      this.pipeline = pipeline;
      this.clients = clients;
    }

    Result run(String source) throws Exception {
      awaitTrue(() -> clusters() == 0, "the base configuration served");
      for (int i = 0; i < settings.streams(); i++) {
        steady.add(clients.open(i % 2 == 1, "steady-" + i, GROUP));
      }
      converge("the base configuration", System.nanoTime());
      int perCycle = settings.cycles() == 0 ? 0 : settings.clientChurn() / settings.cycles();
      cycle(0, perCycle);
      // the warm-up's clients come before the baseline: the measured churn is counted from here
      int warmUpClients = churned;
      Levels baseline = levels();
      List<Cycle> cycles = new ArrayList<>();
      Levels loaded = null;
      for (int c = 1; c <= settings.cycles(); c++) {
        int clientsThisCycle =
            c == settings.cycles() ? settings.clientChurn() - (churned - warmUpClients) : perCycle;
        CycleRun run = cycle(c, clientsThisCycle);
        if (c == settings.cycles()) {
          loaded = run.loaded();
        }
        cycles.add(
            new Cycle(
                c, run.applyMs(), run.deleteMs(), run.brokenInputKept(), JvmProbe.heapAfterGc()));
      }
      awaitTrue(
          () -> xds.connectedStreams() == settings.streams(),
          "the churned clients' streams closed");
      awaitTrue(
          () ->
              ServingInternals.sizes(xds).get("cacheWatches")
                  == baseline.servingSizes().get("cacheWatches"),
          "the churned clients' watches cancelled");
      Levels end = levels();
      return new Result(
          settings,
          source,
          baseline,
          loaded,
          end,
          cycles,
          churned - warmUpClients,
          (double) end.heapBytes() / baseline.heapBytes(),
          ServingInternals.threadPools(xds));
    }

    private record CycleRun(
        double applyMs, double deleteMs, boolean brokenInputKept, Levels loaded) {}

    /**
     * Creates the cycle's routes while {@code clientsThisCycle} clients connect, checks broken
     * input, deletes the routes; the clients leave on the way: a quarter at once (mid-stream,
     * before their first response is handled), the rest after the routes were served; every other
     * one cuts its connection, the others half-close first.
     */
    private CycleRun cycle(int cycle, int clientsThisCycle) throws Exception {
      List<RouteSource.ChurnRoute> batch = routes(cycle, settings.routes());
      List<LoadClients.Solo> joined = new ArrayList<>();
      for (int j = 0; j < clientsThisCycle; j++) {
        // every tenth churned client names no Gateway: a stray node group, served the merged
        // snapshot
        String group = churned % 10 == 9 ? "churn/ghost-" + churned : GROUP;
        LoadClients.Solo client = clients.connectAlone(j % 2 == 1, "churn-" + churned, group);
        churned++;
        if (j % 4 == 0) {
          client.leave(j % 8 == 0);
        } else {
          joined.add(client);
        }
      }
      long start = System.nanoTime();
      routes.apply(batch);
      awaitTrue(() -> clusters() == settings.routes(), "cycle " + cycle + ": the routes served");
      converge("cycle " + cycle + " routes", start);
      double applyMs = (System.nanoTime() - start) / 1e6;
      Levels loaded = cycle == settings.cycles() ? levels() : null;
      for (int j = 0; j < joined.size(); j++) {
        joined.get(j).leave(j % 2 == 0);
      }
      boolean kept = brokenInputKeepsServing(cycle, batch.get(0));
      start = System.nanoTime();
      routes.delete(batch);
      awaitTrue(() -> clusters() == 0, "cycle " + cycle + ": the routes deleted");
      converge("cycle " + cycle + " deletions", start);
      double deleteMs = (System.nanoTime() - start) / 1e6;
      return new CycleRun(applyMs, deleteMs, kept, loaded);
    }

    /**
     * Adds input the source rejects, checks that the served state and the streams stay, then
     * repairs it. A load that fails ({@link RouteSource.BrokenInput#LOAD_FAILS}) must show in the
     * pipeline's state (an error, stale until repaired); an object the source refuses ({@link
     * RouteSource.BrokenInput#OBJECT_REFUSED}) must show nowhere: with the broken version watched,
     * nothing is translated or published; its repair serves the same xDS, so no stream hears of
     * either.
     */
    private boolean brokenInputKeepsServing(int cycle, RouteSource.ChurnRoute loaded)
        throws Exception {
      ServedState before = ServedStates.of(xds, GROUP);
      long responses = steady.stream().mapToLong(LoadStream::responses).sum();
      SyncConfigurationUseCase.SyncState state = gatewire.state();
      RouteSource.BrokenInput broken = routes.breakInput(loaded);
      boolean kept;
      if (broken == RouteSource.BrokenInput.LOAD_FAILS) {
        awaitTrue(
            () -> gatewire.state().errors() > state.errors() && gatewire.state().stale(),
            "cycle " + cycle + ": the broken input noticed");
        kept = unchanged(before, responses);
        routes.repairInput();
        awaitTrue(() -> !gatewire.state().stale(), "cycle " + cycle + ": the input repaired");
      } else {
        awaitTrue(routes::brokenInputRead, "cycle " + cycle + ": the broken object watched");
        Thread.sleep(SETTLE_MS);
        SyncConfigurationUseCase.SyncState broke = gatewire.state();
        kept =
            unchanged(before, responses)
                && broke.translations() == state.translations()
                && broke.errors() == state.errors()
                && !broke.stale();
        routes.repairInput();
        awaitTrue(routes::repairRead, "cycle " + cycle + ": the repaired object watched");
        Thread.sleep(SETTLE_MS);
        // the repair is a new generation of the route (translated: status reports the generation)
        // with the same xDS
        kept &= unchanged(before, responses);
      }
      return kept;
    }

    private boolean unchanged(ServedState before, long responses) {
      return ServedStates.of(xds, GROUP).equals(before)
          && steady.stream().mapToLong(LoadStream::responses).sum() == responses;
    }

    private void converge(String what, long start) throws InterruptedException {
      Goal goal = new Goal(ServedStates.of(xds, GROUP), start, steady.size());
      steady.forEach(stream -> stream.aim(goal));
      if (!goal.await(settings.timeoutSeconds())) {
        throw new IllegalStateException(
            goal.pending()
                + " of "
                + steady.size()
                + " steady streams did not ACK "
                + what
                + " within "
                + settings.timeoutSeconds()
                + " s");
      }
    }

    private int clusters() {
      return ServingInternals.snapshot(xds, GROUP) == null
          ? -1
          : ServingInternals.snapshot(xds, GROUP)
              .versionedResources(Resources.ResourceType.CLUSTER)
              .size();
    }

    private Levels levels() throws InterruptedException {
      long heap = JvmProbe.heapAfterGc();
      return new Levels(
          heap,
          JvmProbe.liveThreads(),
          JvmProbe.threadsByPool(),
          xds.connectedStreams(),
          new LinkedHashMap<>(ServingInternals.sizes(xds)),
          new LinkedHashMap<>(PipelineReload.memoSizes(pipeline)));
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
      long deadline = System.nanoTime() + settings.timeoutSeconds() * 1_000_000_000L;
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "not within " + settings.timeoutSeconds() + " s: " + what);
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * The routes of one cycle, named for it ({@code churn-<cycle>-<i>}, so no cycle reuses a name),
   * each with its own host and path, to the Services of the generated workload.
   */
  static List<RouteSource.ChurnRoute> routes(int cycle, int count) {
    int services = WorkloadSpec.of(count).services();
    String namespace = WorkloadGenerator.GATEWAY_NAMESPACE;
    List<RouteSource.ChurnRoute> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "churn-" + cycle + "-" + i;
      String manifest =
          "apiVersion: gateway.networking.k8s.io/v1\n"
              + "kind: HTTPRoute\n"
              + "metadata:\n"
              + "  name: "
              + name
              + "\n"
              + "  namespace: "
              + namespace
              + "\n"
              + "spec:\n"
              + "  parentRefs:\n"
              + "  - name: "
              + WorkloadGenerator.GATEWAY_NAME
              + "\n"
              + "  hostnames:\n"
              + "  - \""
              + name
              + "."
              + WorkloadGenerator.SHARED_HOSTNAME
              + "\"\n"
              + "  rules:\n"
              + "  - matches:\n"
              + "    - path:\n"
              + "        type: PathPrefix\n"
              + "        value: \"/"
              + name
              + "\"\n"
              + "    backendRefs:\n"
              + "    - name: svc-"
              + (i % services)
              + "\n"
              + "      port: 8080\n";
      batch.add(new RouteSource.ChurnRoute(namespace, name, manifest));
    }
    return batch;
  }

  static String table(Result result) {
    Settings s = result.settings();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Churn soak (%s): %d cycles of %d routes created and deleted, %d steady "
                + "streams, %d clients connected and left after the baseline, which follows one warm-up cycle%n",
            result.source(),
            s.cycles(),
            s.routes(),
            s.streams(),
            result.clientsChurned()));
    double[] apply = result.cycles().stream().mapToDouble(Cycle::applyMs).toArray();
    double[] delete = result.cycles().stream().mapToDouble(Cycle::deleteMs).toArray();
    out.append(
        String.format(
            Locale.ROOT,
            "median cycle: routes served and ACKed %.0f ms after the first write, "
                + "deletions %.0f ms; broken input kept the last good configuration in %d of %d cycles%n",
            AdsLoad.median(apply),
            AdsLoad.median(delete),
            result.cycles().stream().filter(Cycle::brokenInputKept).count(),
            result.cycles().size()));
    out.append("| level | baseline | last cycle loaded | end | verdict |\n|---|---|---|---|---|\n");
    Levels b = result.baseline();
    Levels l = result.loaded();
    Levels e = result.end();
    out.append(
        String.format(
            Locale.ROOT,
            "| heap after full GC (MiB) | %.1f | %s | %.1f | %s (%+.1f%%) |%n",
            b.heapBytes() / 1048576.0,
            l == null ? "-" : String.format(Locale.ROOT, "%.1f", l.heapBytes() / 1048576.0),
            e.heapBytes() / 1048576.0,
            result.heapRatio() <= 1.10 ? "within 10%" : "NOT within 10%",
            (result.heapRatio() - 1) * 100));
    row(out, "live threads", b.liveThreads(), l == null ? null : l.liveThreads(), e.liveThreads());
    row(
        out,
        "open xDS streams (server)",
        b.serverStreams(),
        l == null ? null : l.serverStreams(),
        e.serverStreams());
    b.servingSizes()
        .forEach(
            (key, value) ->
                row(
                    out,
                    "server: " + key,
                    value,
                    l == null ? null : l.servingSizes().get(key),
                    e.servingSizes().get(key)));
    b.translatorMemos()
        .forEach(
            (key, value) ->
                row(
                    out,
                    "translator memo: " + key,
                    value,
                    l == null ? null : l.translatorMemos().get(key),
                    e.translatorMemos().get(key)));
    return out.toString();
  }

  private static void row(StringBuilder out, String level, int baseline, Integer loaded, int end) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %d | %s |%n",
            level,
            baseline,
            loaded == null ? "-" : loaded.toString(),
            end,
            end == baseline
                ? "back to baseline"
                : end > baseline ? "+" + (end - baseline) : "-" + (baseline - end)));
  }
}
