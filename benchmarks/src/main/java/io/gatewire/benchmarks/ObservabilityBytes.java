package io.gatewire.benchmarks;

import com.google.protobuf.Message;
import io.gatewire.adapters.xds.serve.ServedVersions;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.settings.AccessLogSpec;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.List;
import java.util.Locale;

/**
 * What access logs and tracing cost in xDS (docs/performance.md): serialized bytes per route of
 * everything the Gateway's node group is served, with the access log off and tracing off, with the
 * defaults (JSON access log on every listener, no tracing), and with tracing on as well. Not timed.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.ObservabilityBytes
 * [ROUTES...]} prints one Markdown row per size.
 */
public record ObservabilityBytes(int routes, double off, double defaults, double tracing) {
  static final ProxySettingsSpec OFF =
      new ProxySettingsSpec(new AccessLogSpec(false, null, null, null, null), null);
  static final ProxySettingsSpec DEFAULTS = ProxySettingsSpec.EMPTY;
  static final ProxySettingsSpec TRACING =
      new ProxySettingsSpec(
          null,
          new TracingSpec(
              null, new TracingSpec.Collector("otel-collector.monitoring", 4317), null, null));

  public static ObservabilityBytes measure(int routes) {
    return new ObservabilityBytes(
        routes, perRoute(routes, OFF), perRoute(routes, DEFAULTS), perRoute(routes, TRACING));
  }

  static double perRoute(int routes, ProxySettingsSpec settings) {
    Serving serving = new Serving(TranslatorOptions.DEFAULTS.withProxySettings(settings));
    serving.publish(WorkloadGenerator.resources(Workloads.spec(routes, Workloads.SMALL)));
    List<Message> resources = ServedVersions.resources(serving.xds(), Serving.GATEWAY_GROUP);
    long bytes = 0;
    for (Message resource : resources) {
      bytes += resource.toByteArray().length;
    }
    return (double) bytes / routes;
  }

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {100, 1000, 10000} : new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    System.out.println(
        "| routes | access log off, no tracing | default (access log) | access log + tracing |"
            + " default - off | tracing - default |");
    System.out.println("|---|---|---|---|---|---|");
    for (int routes : sizes) {
      ObservabilityBytes row = measure(routes);
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %,d | %,.1f B | %,.1f B | %,.1f B | %+.1f B | %+.1f B |",
              row.routes,
              row.off,
              row.defaults,
              row.tracing,
              row.defaults - row.off,
              row.tracing - row.defaults));
    }
  }
}
