package io.gatewire.benchmarks.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The propagation benchmark (docs/performance.md, "Propagation through a real Envoy"): for each
 * size, hostname shape and file layout, one {@link PropagationRun}; prints a table per scenario and
 * writes them all as JSON.
 *
 * <pre>
 * java -Djdk.httpclient.allowRestrictedHeaders=host -cp benchmarks/target/benchmarks.jar \
 *   io.gatewire.benchmarks.propagation.Propagation [--routes 1000,10000] [--hostnames per-route,shared]
 *   [--layout files] [--samples 20] [--churn 1000] [--churn-interval-ms 50] [--echo-servers 8]
 *   [--steady-routes 8] [--steady-rps 200] [--gatewire-jar bootstrap/target/gatewire.jar]
 *   [--java-option OPT]... [--serve-flag FLAG]... [--sample-timeout-s 60]
 *   [--envoy-log-level config:debug,upstream:debug]
 *   [--work benchmarks/target/propagation] [--out benchmarks/target/propagation.json] [--label TEXT]
 * </pre>
 *
 * ({@code benchmarks/propagation.sh}).
 */
public final class Propagation {
  private Propagation() {}

  /** The command line, parsed. */
  record Options(
      List<Integer> routes,
      List<WorkloadSpec.Hostnames> hostnames,
      List<WorkloadDirectory.Layout> layouts,
      int samples,
      int churn,
      Duration churnInterval,
      int echoServers,
      int steadyRoutes,
      int steadyRequestsPerSecond,
      List<String> launcher,
      List<String> serveFlags,
      Duration sampleTimeout,
      String envoyComponentLogLevel,
      Path work,
      Path out,
      String label) {

    static Options parse(String... args) {
      List<Integer> routes = List.of(1000, 10000);
      List<WorkloadSpec.Hostnames> hostnames =
          List.of(WorkloadSpec.Hostnames.PER_ROUTE, WorkloadSpec.Hostnames.SHARED);
      List<WorkloadDirectory.Layout> layouts = List.of(WorkloadDirectory.Layout.FILES);
      int samples = 20;
      int churn = 1000;
      Duration churnInterval = Duration.ofMillis(50);
      int echoServers = 8;
      int steadyRoutes = 8;
      int steadyRps = 200;
      Path jar = Path.of("bootstrap/target/gatewire.jar");
      List<String> javaOptions = new ArrayList<>();
      List<String> serveFlags = new ArrayList<>();
      Duration sampleTimeout = Duration.ofSeconds(60);
      String envoyLog = "";
      Path work = Path.of("benchmarks/target/propagation");
      Path out = Path.of("benchmarks/target/propagation.json");
      String label = "";
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--routes" ->
              routes = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
          case "--hostnames" ->
              hostnames =
                  Arrays.stream(value.split(",")).map(WorkloadSpec.Hostnames::parse).toList();
          case "--layout" ->
              layouts =
                  Arrays.stream(value.split(",")).map(WorkloadDirectory.Layout::parse).toList();
          case "--samples" -> samples = Integer.parseInt(value);
          case "--churn" -> churn = Integer.parseInt(value);
          case "--churn-interval-ms" -> churnInterval = Duration.ofMillis(Long.parseLong(value));
          case "--echo-servers" -> echoServers = Integer.parseInt(value);
          case "--steady-routes" -> steadyRoutes = Integer.parseInt(value);
          case "--steady-rps" -> steadyRps = Integer.parseInt(value);
          case "--gatewire-jar" -> jar = Path.of(value);
          case "--java-option" -> javaOptions.add(value);
          case "--serve-flag" -> serveFlags.add(value);
          case "--sample-timeout-s" -> sampleTimeout = Duration.ofSeconds(Long.parseLong(value));
          case "--envoy-log-level" -> envoyLog = value;
          case "--work" -> work = Path.of(value);
          case "--out" -> out = Path.of(value);
          case "--label" -> label = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      List<String> launcher = new ArrayList<>();
      launcher.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      launcher.addAll(javaOptions);
      launcher.addAll(List.of("-jar", jar.toString()));
      return new Options(
          routes,
          hostnames,
          layouts,
          samples,
          churn,
          churnInterval,
          echoServers,
          steadyRoutes,
          steadyRps,
          launcher,
          serveFlags,
          sampleTimeout,
          envoyLog,
          work,
          out,
          label);
    }

    List<PropagationRun.Settings> scenarios() {
      List<PropagationRun.Settings> scenarios = new ArrayList<>();
      for (int size : routes) {
        for (WorkloadSpec.Hostnames hostname : hostnames) {
          for (WorkloadDirectory.Layout layout : layouts) {
            scenarios.add(
                new PropagationRun.Settings(
                    size,
                    hostname,
                    layout,
                    samples,
                    churn,
                    churnInterval,
                    echoServers,
                    steadyRoutes,
                    steadyRequestsPerSecond,
                    launcher,
                    serveFlags,
                    sampleTimeout,
                    envoyComponentLogLevel,
                    work.resolve(size + "-" + hostname.flag() + "-" + layout.flag())));
          }
        }
      }
      return scenarios;
    }
  }

  public static void main(String[] args) throws IOException {
    ListenerClient.allowHostHeader();
    Options options = Options.parse(args);
    List<PropagationRun.Result> results = new ArrayList<>();
    for (PropagationRun.Settings scenario : options.scenarios()) {
      System.out.println("running " + scenario.name() + " ...");
      PropagationRun.Result result = PropagationRun.run(scenario);
      results.add(result);
      print(result, System.out);
    }
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.out().toFile(), json(options, results));
    System.out.println("wrote " + options.out());
    // the echo servers share one Vert.x, whose threads would keep the JVM running
    System.exit(0);
  }

  static void print(PropagationRun.Result result, PrintStream out) {
    PropagationRun.Settings settings = result.settings();
    out.println();
    out.println("### " + settings.name());
    out.println();
    out.println(
        "| change | samples | median ms | p90 ms | max ms | Envoy had applied it, median ms |"
            + " snapshot builds, median ms |");
    out.println("|---|---|---|---|---|---|---|");
    for (PropagationRun.Change change : PropagationRun.Change.values()) {
      Summary total = result.propagation().get(change);
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.1f |%n",
          change.description,
          total.count(),
          total.median(),
          total.p90(),
          total.max(),
          result.envoyApplied().get(change).median(),
          result.snapshotBuild().get(change).median());
    }
    out.println();
    out.println(
        "| phase | seconds | steady requests | failed | Gatewire CPU s | Gatewire peak RSS MiB |"
            + " Envoy CPU s | Envoy peak RSS MiB |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (PropagationRun.Phase phase : result.phases()) {
      out.printf(
          Locale.ROOT,
          "| %s | %.1f | %d | %d%s | %.1f | %d | %.1f | %d |%n",
          phase.name(),
          phase.seconds(),
          phase.steady().sent(),
          phase.steady().failed(),
          phase.steady().failures().isEmpty() ? "" : " " + phase.steady().failures(),
          phase.gatewire().cpuSeconds(),
          phase.gatewire().peakRssKib() / 1024,
          phase.envoy().cpuSeconds(),
          phase.envoy().peakRssKib() / 1024);
    }
    out.println();
    out.println("Envoy's own update_duration over the run (ms: median / p90 / max):");
    for (Map.Entry<String, Summary> histogram : result.envoyUpdateDurations().entrySet()) {
      Summary s = histogram.getValue();
      out.printf(
          Locale.ROOT,
          "- %s: %.1f / %.1f / %.1f%n",
          histogram.getKey(),
          s.median(),
          s.p90(),
          s.max());
    }
    if (!result.firstFailures().isEmpty()) {
      out.println();
      out.println("First failed steady requests:");
      result.firstFailures().forEach(f -> out.println("- " + f));
    }
  }

  private static ObjectNode json(Options options, List<PropagationRun.Result> results) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("label", options.label());
    root.put("launcher", String.join(" ", options.launcher()));
    root.put("serveFlags", String.join(" ", options.serveFlags()));
    ArrayNode scenarios = root.putArray("scenarios");
    for (PropagationRun.Result result : results) {
      PropagationRun.Settings settings = result.settings();
      ObjectNode scenario = scenarios.addObject();
      scenario.put("routes", settings.routes());
      scenario.put("hostnames", settings.hostnames().flag());
      scenario.put("layout", settings.layout().flag());
      scenario.put("samples", settings.samples());
      scenario.put("churn", settings.churn());
      scenario.put("churnIntervalMs", settings.churnInterval().toMillis());
      scenario.put("echoServers", settings.echoServers());
      scenario.put("steadyRoutes", settings.steadyRoutes());
      scenario.put("steadyRequestsPerSecond", settings.steadyRequestsPerSecond());
      scenario.set("propagationMs", mapper.valueToTree(result.propagation()));
      scenario.set("envoyAppliedMs", mapper.valueToTree(result.envoyApplied()));
      scenario.set("snapshotBuildMs", mapper.valueToTree(result.snapshotBuild()));
      scenario.set("phases", mapper.valueToTree(result.phases()));
      scenario.set("envoyUpdateDurationsMs", mapper.valueToTree(result.envoyUpdateDurations()));
      scenario.set("samplesMs", mapper.valueToTree(result.samples()));
      scenario.set("firstFailures", mapper.valueToTree(result.firstFailures()));
    }
    return root;
  }
}
