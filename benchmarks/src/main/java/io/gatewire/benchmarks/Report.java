package io.gatewire.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs figures 1-6 (figure 1 also on the workload of figures 2-4, so a change can be compared with
 * a full build of the same input) and prints them as a Markdown table; writes JMH's results to
 * {@code <out>/jmh-result.json} and the figures to {@code <out>/figures.json}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.Report [--quick] [--sizes 100,1000,10000]
 *     [--change-routes 10000] [--out benchmarks/target]
 * </pre>
 *
 * JMH runs in sample-time mode (every operation timed; medians are the 50th percentile of all
 * samples) with the GC profiler (allocation per operation), one fork, {@code -Xmx3g}. Default: 3
 * warmup and 5 measured iterations of 2 s; {@code --quick}: 1 warmup and 3 measured iterations of 1
 * s. Figures 5 and 6 and the version counts are not timed: figure 5 runs {@link RetainedHeap} in a
 * JVM of its own per size, figure 6 and the version counts run in this one.
 */
public final class Report {
  private Report() {}

  /** How much JMH measures; {@code forks} 0 runs in this JVM (the smoke test). */
  public record Settings(
      List<Integer> sizes,
      int changeRoutes,
      int forks,
      int warmups,
      Duration warmupTime,
      int iterations,
      Duration iterationTime,
      Path out) {
    public static final Settings FULL =
        new Settings(
            List.of(100, 1_000, 10_000),
            10_000,
            1,
            3,
            Duration.ofSeconds(2),
            5,
            Duration.ofSeconds(2),
            Path.of("benchmarks/target"));
    public static final Settings QUICK =
        new Settings(
            List.of(100, 1_000, 10_000),
            10_000,
            1,
            1,
            Duration.ofSeconds(1),
            3,
            Duration.ofSeconds(1),
            Path.of("benchmarks/target"));

    String describe() {
      return String.format(
          Locale.ROOT,
          "JMH sample time, %d fork(s), %d x %d ms warmup, %d x %d ms measured, GC profiler",
          forks,
          warmups,
          warmupTime.toMillis(),
          iterations,
          iterationTime.toMillis());
    }
  }

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    Settings settings = Settings.FULL;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          settings = with(Settings.QUICK, settings);
          break;
        case "--sizes":
          settings =
              new Settings(
                  parseSizes(args[++i]),
                  settings.changeRoutes(),
                  settings.forks(),
                  settings.warmups(),
                  settings.warmupTime(),
                  settings.iterations(),
                  settings.iterationTime(),
                  settings.out());
          break;
        case "--change-routes":
          settings =
              new Settings(
                  settings.sizes(),
                  Integer.parseInt(args[++i]),
                  settings.forks(),
                  settings.warmups(),
                  settings.warmupTime(),
                  settings.iterations(),
                  settings.iterationTime(),
                  settings.out());
          break;
        case "--out":
          settings =
              new Settings(
                  settings.sizes(),
                  settings.changeRoutes(),
                  settings.forks(),
                  settings.warmups(),
                  settings.warmupTime(),
                  settings.iterations(),
                  settings.iterationTime(),
                  Path.of(args[++i]));
          break;
        default:
          System.err.println(
              "usage: Report [--quick] [--sizes 100,1000,10000] [--change-routes N] [--out DIR]");
          System.exit(2);
      }
    }
    System.out.println(run(settings));
  }

  /** {@code quick}'s JMH settings with the sizes and output already chosen. */
  private static Settings with(Settings quick, Settings chosen) {
    return new Settings(
        chosen.sizes(),
        chosen.changeRoutes(),
        quick.forks(),
        quick.warmups(),
        quick.warmupTime(),
        quick.iterations(),
        quick.iterationTime(),
        chosen.out());
  }

  private static List<Integer> parseSizes(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String size : list.split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    return sizes;
  }

  /** Runs everything, writes the JSON files, returns the Markdown table. */
  public static String run(Settings settings)
      throws RunnerException, IOException, InterruptedException {
    Instant start = Instant.now();
    Files.createDirectories(settings.out());
    Collection<RunResult> full =
        jmh(
            settings,
            FullTranslationBenchmark.class.getSimpleName() + ".fullBuild",
            Map.of("routes", strings(settings.sizes()), "shape", List.of(Workloads.SMALL)),
            "full");
    Collection<RunResult> fullChangeWorkload =
        jmh(
            settings,
            FullTranslationBenchmark.class.getSimpleName() + ".fullBuild",
            Map.of(
                "routes",
                List.of(String.valueOf(settings.changeRoutes())),
                "shape",
                List.of(Workloads.ENDPOINTS)),
            "full-endpoints");
    Collection<RunResult> changes =
        jmh(
            settings,
            ChangeBenchmark.class.getSimpleName(),
            Map.of(
                "routes",
                List.of(String.valueOf(settings.changeRoutes())),
                "shape",
                List.of(Workloads.ENDPOINTS)),
            "changes");
    VersionChanges versions = VersionChanges.measure(settings.changeRoutes(), Workloads.ENDPOINTS);
    List<Map<String, Object>> heap = new ArrayList<>();
    for (int size : settings.sizes()) {
      heap.add(retainedHeap(size));
    }
    List<BytesPerRoute> bytes = new ArrayList<>();
    for (int size : settings.sizes()) {
      bytes.add(BytesPerRoute.measure(size, Workloads.SMALL));
    }
    Duration took = Duration.between(start, Instant.now());

    Figures figures =
        new Figures(settings, full, fullChangeWorkload, changes, versions, heap, bytes, took);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(
        settings.out().resolve("figures.json"),
        json.writeValueAsString(figures.json()),
        StandardCharsets.UTF_8);
    return figures.markdown();
  }

  private static List<String> strings(List<Integer> sizes) {
    return sizes.stream().map(String::valueOf).toList();
  }

  private static Collection<RunResult> jmh(
      Settings settings, String benchmark, Map<String, List<String>> params, String name)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("\\." + benchmark.replace(".", "\\.") + "(\\.|$)")
            .mode(Mode.SampleTime)
            .timeUnit(TimeUnit.MILLISECONDS)
            .forks(settings.forks())
            .jvmArgsAppend("-Xmx3g")
            .warmupIterations(settings.warmups())
            .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
            .measurementIterations(settings.iterations())
            .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(settings.out().resolve("jmh-" + name + ".json").toString());
    params.forEach((param, values) -> options.param(param, values.toArray(String[]::new)));
    return new Runner(options.build()).run();
  }

  /**
   * Runs {@link RetainedHeap} in a JVM of its own on this JVM's class path and returns its JSON.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> retainedHeap(int routes)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx3g",
                "-cp",
                System.getProperty("java.class.path"),
                RetainedHeap.class.getName(),
                String.valueOf(routes))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("RetainedHeap " + routes + " failed: " + output);
    }
    return new ObjectMapper().readValue(output, LinkedHashMap.class);
  }

  /** The measured figures, as JSON and as the Markdown table docs/performance.md quotes. */
  private record Figures(
      Settings settings,
      Collection<RunResult> full,
      Collection<RunResult> fullChangeWorkload,
      Collection<RunResult> changes,
      VersionChanges versions,
      List<Map<String, Object>> heap,
      List<BytesPerRoute> bytes,
      Duration took) {

    Map<String, Object> json() {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("settings", settings.describe());
      root.put("runSeconds", took.toSeconds());
      List<Map<String, Object>> f1 = new ArrayList<>();
      for (RunResult result : full) {
        int routes = Integer.parseInt(result.getParams().getParam("routes"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("routes", routes);
        row.put("shape", result.getParams().getParam("shape"));
        row.put("medianMs", median(result));
        row.put("usPerRoute", median(result) * 1000 / routes);
        row.put("allocBytesPerOp", alloc(result));
        row.put("allocKiBPerRoute", alloc(result) / 1024 / routes);
        f1.add(row);
      }
      root.put("figure1FullTranslation", f1);
      root.put("figure1ScalingExponent", exponent());
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("routes", settings.changeRoutes());
      change.put("served", versions.served());
      change.put("fullBuildOfThisWorkloadMedianMs", median(fullChangeWorkload, "fullBuild"));
      change.put("figure2RouteEditMedianMs", median(changes, "routeEdit"));
      change.put("figure2ChangedVersions", versions.routeEdit());
      change.put("figure3EndpointChangeMedianMs", median(changes, "endpointChange"));
      change.put("figure3ChangedVersions", versions.endpointChange());
      change.put("figure4NoOpMedianMs", median(changes, "noOpEqualInput"));
      change.put("figure4Translations", versions.noOpTranslations());
      change.put("figure4ChangedVersions", versions.noOp());
      change.put("figure4ChangedVersionsIfRetranslated", versions.noOpRetranslated());
      change.put("changedVersionsAfterRestart", versions.afterRestart());
      root.put("changes", change);
      root.put("figure5RetainedHeap", heap);
      root.put("figure6BytesPerRoute", bytes);
      return root;
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append("Settings: ")
          .append(settings.describe())
          .append("; run took ")
          .append(took.toSeconds())
          .append(" s\n\n");
      md.append("| figure | routes | median | per route | other |\n|---|---|---|---|---|\n");
      for (RunResult result : full) {
        int routes = Integer.parseInt(result.getParams().getParam("routes"));
        md.append(
            String.format(
                Locale.ROOT,
                "| 1 full translation (%s) | %d | %.2f ms | %.1f us | alloc %.1f KiB/route |%n",
                result.getParams().getParam("shape"),
                routes,
                median(result),
                median(result) * 1000 / routes,
                alloc(result) / 1024 / routes));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| 1 scaling exponent %s | | | | %.2f |%n",
              exponentLabel(),
              exponent()));
      md.append(
          String.format(
              Locale.ROOT,
              "| 1 full translation (%s, the workload of 2-4) | %d | %.2f ms | %.1f us | |%n",
              Workloads.ENDPOINTS,
              settings.changeRoutes(),
              median(fullChangeWorkload, "fullBuild"),
              median(fullChangeWorkload, "fullBuild") * 1000 / settings.changeRoutes()));
      md.append(
          String.format(
              Locale.ROOT,
              "| 2 one route edited | %d | %.2f ms | | changed versions %s |%n",
              settings.changeRoutes(),
              median(changes, "routeEdit"),
              versions.routeEdit()));
      md.append(
          String.format(
              Locale.ROOT,
              "| 3 endpoint-only change | %d | %.2f ms | | changed versions %s |%n",
              settings.changeRoutes(),
              median(changes, "endpointChange"),
              versions.endpointChange()));
      md.append(
          String.format(
              Locale.ROOT,
              "| 4 no-op (equal input) | %d | %.3f ms | | translations %d, changed versions %s |%n",
              settings.changeRoutes(),
              median(changes, "noOpEqualInput"),
              versions.noOpTranslations(),
              versions.noOp()));
      for (Map<String, Object> row : heap) {
        int routes = ((Number) row.get("routes")).intValue();
        md.append(
            String.format(
                Locale.ROOT,
                "| 5 retained heap | %d | | %.1f KiB | resources %.1f KiB + serving %.1f KiB per route |%n",
                routes,
                kib(row, "totalBytes", routes),
                kib(row, "resourcesBytes", routes),
                kib(row, "servingBytes", routes)));
      }
      for (BytesPerRoute row : bytes) {
        md.append(
            String.format(
                Locale.ROOT,
                "| 6 xDS bytes | %d | | %.0f B off, %.0f B default, %.0f B annotations | metadata +%.0f%% default, +%.0f%% with annotations |%n",
                row.routes(),
                row.off(),
                row.defaults(),
                row.annotations(),
                row.defaultOverheadPercent(),
                row.annotationsOverheadPercent()));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "%nServed resources at %d routes: %s; changed versions after a restart: %s%n",
              settings.changeRoutes(),
              versions.served(),
              versions.afterRestart()));
      return md.toString();
    }

    private static double kib(Map<String, Object> row, String key, int routes) {
      return ((Number) row.get(key)).doubleValue() / 1024 / routes;
    }

    /** log(t_b / t_a) / log(b / a) between the two largest sizes. */
    double exponent() {
      List<RunResult> sorted =
          full.stream()
              .sorted(
                  java.util.Comparator.comparingInt(
                      r -> Integer.parseInt(r.getParams().getParam("routes"))))
              .toList();
      if (sorted.size() < 2) {
        return Double.NaN;
      }
      RunResult a = sorted.get(sorted.size() - 2);
      RunResult b = sorted.get(sorted.size() - 1);
      double ratio =
          Double.parseDouble(b.getParams().getParam("routes"))
              / Double.parseDouble(a.getParams().getParam("routes"));
      return Math.log(median(b) / median(a)) / Math.log(ratio);
    }

    private String exponentLabel() {
      List<Integer> sizes = settings.sizes().stream().sorted().toList();
      return sizes.size() < 2
          ? ""
          : sizes.get(sizes.size() - 2) + " -> " + sizes.get(sizes.size() - 1);
    }

    private static double median(RunResult result) {
      return result.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static double median(Collection<RunResult> results, String method) {
      return results.stream()
          .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
          .findFirst()
          .map(Figures::median)
          .orElseThrow(() -> new IllegalStateException("no result for " + method));
    }

    private static double alloc(RunResult result) {
      for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
        if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
          return secondary.getValue().getScore();
        }
      }
      throw new IllegalStateException(
          "no gc.alloc.rate.norm in " + result.getSecondaryResults().keySet());
    }
  }
}
