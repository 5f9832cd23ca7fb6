package io.gatewire.benchmarks.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.serve.ServedVersions;
import io.gatewire.benchmarks.Serving;
import io.gatewire.benchmarks.Workloads;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.translate.TranslatorOptions;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Envoy spends applying the RouteConfiguration Gatewire serves, and which part of it costs
 * what (docs/performance.md, "What Envoy spends applying a RouteConfiguration"). For each size, the
 * generated {@code 1x1} workload (a hostname per route) is translated in-process by Gatewire's
 * pipeline ({@link Serving}); each {@link RouteVariant} of the served RouteConfiguration is applied
 * by a fresh Envoy ({@link RdsApplyRun}) fed over delta ADS; prints a Markdown table and writes
 * JSON.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.propagation.RdsApply
 *   [--routes 1000,10000] [--variants emitted,no-stat-prefix,...] [--samples 10]
 *   [--stats-config shipped|none] [--out benchmarks/target/rds-apply.json]
 * </pre>
 *
 * ({@code benchmarks/rds-apply.sh}). {@code --stats-config shipped} (the default) gives Envoy the
 * {@code stats_config} of docs/envoy-bootstrap.yaml, whose tag rules run on every stat name Envoy
 * creates, as users run it.
 */
public final class RdsApply {
  private RdsApply() {}

  record Options(
      List<Integer> routes,
      List<RouteVariant> variants,
      int samples,
      boolean shippedStatsConfig,
      Path out) {
    static Options parse(String... args) {
      List<Integer> routes = List.of(1000, 10000);
      List<RouteVariant> variants = List.of(RouteVariant.values());
      int samples = 10;
      boolean shipped = true;
      Path out = Path.of("benchmarks/target/rds-apply.json");
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--routes" ->
              routes = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
          case "--variants" -> variants = RouteVariant.parseList(value);
          case "--samples" -> samples = Integer.parseInt(value);
          case "--stats-config" ->
              shipped =
                  switch (value) {
                    case "shipped" -> true;
                    case "none" -> false;
                    default ->
                        throw new IllegalArgumentException(
                            "--stats-config is shipped or none, not " + value);
                  };
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(routes, variants, samples, shipped, out);
    }
  }

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Optional<Object> statsConfig =
        options.shippedStatsConfig()
            ? Optional.of(EnvoyBootstrap.shippedStatsConfig())
            : Optional.empty();
    List<RdsApplyRun.Result> results = new ArrayList<>();
    for (int routes : options.routes()) {
      Map<Boolean, XdsResources> served = new HashMap<>();
      for (RouteVariant variant : options.variants()) {
        System.out.println("running " + routes + " routes, " + variant.flag + " ...");
        RdsApplyRun.Result result =
            RdsApplyRun.run(
                routes,
                variant,
                served.computeIfAbsent(variant.tracing, tracing -> served(routes, tracing)),
                options.samples(),
                statsConfig);
        results.add(result);
        System.out.println(row(result));
      }
    }
    System.out.println();
    System.out.println(header());
    results.forEach(result -> System.out.println(row(result)));
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.out().toFile(), json(options, results));
    System.out.println("wrote " + options.out());
    System.exit(0);
  }

  /** What Gatewire's pipeline serves the workload's Gateway, with tracing on or off. */
  static XdsResources served(int routes, boolean tracing) {
    ProxySettingsSpec settings = tracing ? RouteVariant.TRACING_ON : ProxySettingsSpec.EMPTY;
    Serving serving = new Serving(TranslatorOptions.DEFAULTS.withProxySettings(settings));
    serving.publish(WorkloadGenerator.resources(Workloads.spec(routes, Workloads.SMALL)));
    List<Message> resources = ServedVersions.resources(serving.xds(), Serving.GATEWAY_GROUP);
    return new XdsResources(
        ofType(resources, Listener.class),
        ofType(resources, RouteConfiguration.class),
        ofType(resources, Cluster.class),
        ofType(resources, ClusterLoadAssignment.class),
        ofType(resources, Secret.class));
  }

  private static <T> List<T> ofType(List<Message> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static String header() {
    return "| routes | variant | virtual hosts | RouteConfiguration bytes | samples |"
        + " update_duration median / p90 / max ms | sent -> applied median / p90 ms |"
        + " Envoy RSS MiB | Envoy heap allocated MiB |\n"
        + "|---|---|---|---|---|---|---|---|---|";
  }

  static String row(RdsApplyRun.Result result) {
    Summary apply = result.apply();
    Summary wall = result.wall();
    return String.format(
        Locale.ROOT,
        "| %,d | %s | %,d | %,d | %d | %.0f / %.0f / %.0f | %.0f / %.0f | %,.0f | %,.0f |",
        result.routes(),
        result.variant().flag,
        result.virtualHosts(),
        result.bytes(),
        apply.count(),
        apply.median(),
        apply.p90(),
        apply.max(),
        wall.median(),
        wall.p90(),
        result.rssKib() / 1024.0,
        result.allocatedBytes() / (1024.0 * 1024.0));
  }

  private static ObjectNode json(Options options, List<RdsApplyRun.Result> results) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("samples", options.samples());
    root.put("statsConfig", options.shippedStatsConfig() ? "shipped" : "none");
    ArrayNode runs = root.putArray("runs");
    for (RdsApplyRun.Result result : results) {
      ObjectNode run = runs.addObject();
      run.put("routes", result.routes());
      run.put("variant", result.variant().flag);
      run.put("virtualHosts", result.virtualHosts());
      run.put("bytes", result.bytes());
      run.put("startupMs", result.startup().toMillis());
      result.applyMs().forEach(run.putArray("updateDurationMs")::add);
      result.wallMs().forEach(run.putArray("sentToAppliedMs")::add);
      run.put("rssKib", result.rssKib());
      run.put("peakRssKib", result.peakRssKib());
      run.put("allocatedBytes", result.allocatedBytes());
    }
    return root;
  }
}
