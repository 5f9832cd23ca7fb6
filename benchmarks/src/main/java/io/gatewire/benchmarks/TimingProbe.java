package io.gatewire.benchmarks;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.serve.ServingInternals;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hand-run timing of the serving path (decoded resources to IR to versioned snapshots): full build,
 * one-route edit, endpoint-only edit and no-op publish, with how many resources changed version.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.TimingProbe 1000
 * 10000}. Not a test.
 */
public final class TimingProbe {
  private static final int RUNS = 5;

  private TimingProbe() {}

  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      probe(Integer.parseInt(arg));
    }
  }

  private static void probe(int routes) throws Exception {
    Path file = Path.of("/tmp/perf-" + routes + ".yaml");
    Files.writeString(file, RouteWorkload.yaml(routes));
    long t0 = System.nanoTime();
    GatewayResources resources = new FileConfigurationSource(List.of(file)).load();
    System.out.printf("%d routes: decode %.0f ms%n", routes, ms(t0));

    long[] full = new long[RUNS];
    long[] fullTranslate = new long[RUNS];
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    Memos memos = null;
    XdsServing xds = null;
    for (int i = 0; i < RUNS; i++) {
      memos = new Memos();
      xds =
          new XdsServing(
              new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
      full[i] = run(translator, memos, xds, resources, fullTranslate, i);
    }
    System.out.printf(
        "  full build: median cpu %.1f ms (%.1f us/route; translate %.1f ms) runs %s%n",
        median(full) / 1e6,
        median(full) / 1e3 / routes,
        median(fullTranslate) / 1e6,
        Arrays.toString(Arrays.stream(full).map(n -> n / 1_000_000).toArray()));

    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 3; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      io.gatewire.domain.ir.Ir ir =
          new Translator(TranslatorOptions.DEFAULTS).translate(resources).ir();
      long translated = threads.getCurrentThreadCpuTime();
      int length =
          new io.gatewire.adapters.xds.XdsDocument(
                  MetadataOptions.DEFAULTS, io.gatewire.adapters.xds.XdsDocument.Format.JSON)
              .render(ir, null)
              .length();
      System.out.printf(
          "  translate command path: translate cpu %.0f ms, render %.0f ms wall (%d chars)%n",
          (translated - cpu) / 1e6,
          (System.nanoTime() - wall) / 1e6 - (translated - cpu) / 1e6,
          length);
    }
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "  heap after GC holding resources + translator + serving: %.1f MB (%.1f KiB/route)%n",
        heap / 1e6, heap / 1024.0 / routes);

    GatewayResources current = resources;
    long[] edit = new long[RUNS];
    long[] endpoints = new long[RUNS];
    long[] noop = new long[RUNS];
    long[] editTranslate = new long[RUNS];
    long[] endpointTranslate = new long[RUNS];
    long[] noopTranslate = new long[RUNS];
    String editChanges = "";
    String endpointChanges = "";
    String noopChanges = "";
    for (int i = 0; i < RUNS; i++) {
      GatewayResources edited = withRouteEdited(current, i);
      Map<Resources.ResourceType, Map<String, VersionedResource<?>>> before = versions(xds);
      edit[i] = run(translator, memos, xds, edited, editTranslate, i);
      editChanges = changes(before, versions(xds));
      current = edited;

      GatewayResources ep = withEndpointEdited(current, i);
      before = versions(xds);
      endpoints[i] = run(translator, memos, xds, ep, endpointTranslate, i);
      endpointChanges = changes(before, versions(xds));
      current = ep;

      GatewayResources same = GatewayResources.builder().addAll(current.all()).build();
      before = versions(xds);
      noop[i] = run(translator, memos, xds, same, noopTranslate, i);
      noopChanges = changes(before, versions(xds));
    }
    System.out.printf(
        "  one-route edit: median cpu %.1f ms (translate %.1f), changed %s%n",
        median(edit) / 1e6, median(editTranslate) / 1e6, editChanges);
    System.out.printf(
        "  endpoint edit: median cpu %.1f ms (translate %.1f), changed %s%n",
        median(endpoints) / 1e6, median(endpointTranslate) / 1e6, endpointChanges);
    long[] extra = new long[Integer.getInteger("probe.noopLoops", 0)];
    for (int i = 0; i < extra.length; i++) {
      run(
          translator,
          memos,
          xds,
          GatewayResources.builder().addAll(current.all()).build(),
          extra,
          i);
    }
    System.out.printf(
        "  no-op: median cpu %.1f ms (translate %.1f), changed %s%n",
        median(noop) / 1e6, median(noopTranslate) / 1e6, noopChanges);
  }

  /**
   * Translates and publishes; returns the total nanoseconds and records the translation's in {@code
   * translate[i]}.
   */
  private static long run(
      Translator translator,
      Memos memos,
      XdsServing xds,
      GatewayResources resources,
      long[] translate,
      int i) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    io.gatewire.domain.ir.Ir ir = translator.translate(resources, memos).ir();
    memos.endGeneration();
    translate[i] = threads.getCurrentThreadCpuTime() - cpuStart;
    xds.publish(ir);
    long wall = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    System.out.printf(
        "    run: wall %.1f ms, cpu %.1f ms (translate cpu %.1f ms)%n",
        wall / 1e6, cpu / 1e6, translate[i] / 1e6);
    return cpu;
  }

  private static GatewayResources withRouteEdited(GatewayResources resources, int n) {
    HttpRoute route = resources.httpRoutes().get(resources.httpRoutes().size() / 2);
    HttpRouteRule rule = route.rules().get(0);
    List<HttpRouteMatch> matches = new ArrayList<>(rule.matches());
    HttpRouteMatch first = matches.get(0);
    matches.set(
        0,
        new HttpRouteMatch(
            new HttpRouteMatch.PathMatch(first.path().type(), "/edited" + n),
            first.headers(),
            first.queryParams(),
            first.method()));
    HttpRouteRule newRule =
        new HttpRouteRule(
            rule.name(),
            matches,
            rule.filters(),
            rule.backendRefs(),
            rule.timeouts(),
            rule.retry());
    HttpRoute edited =
        new HttpRoute(route.meta(), route.parentRefs(), route.hostnames(), List.of(newRule));
    return GatewayResources.builder().addAll(resources.all()).add(edited).build();
  }

  private static GatewayResources withEndpointEdited(GatewayResources resources, int n) {
    EndpointSlice slice = resources.endpointSlices().get(resources.endpointSlices().size() / 3);
    List<EndpointSlice.Endpoint> endpoints = new ArrayList<>(slice.endpoints());
    EndpointSlice.Endpoint e = endpoints.get(0);
    endpoints.set(
        0, new EndpointSlice.Endpoint(e.addresses(), n % 2 == 1, e.zone(), e.targetRef()));
    EndpointSlice edited =
        new EndpointSlice(
            slice.meta(), slice.serviceName(), slice.addressType(), slice.ports(), endpoints);
    return GatewayResources.builder().addAll(resources.all()).add(edited).build();
  }

  private static Map<Resources.ResourceType, Map<String, VersionedResource<?>>> versions(
      XdsServing xds) {
    Map<Resources.ResourceType, Map<String, VersionedResource<?>>> all =
        new java.util.EnumMap<>(Resources.ResourceType.class);
    for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
      all.put(
          type,
          ServingInternals.snapshot(xds, ServingInternals.MERGED_GROUP).versionedResources(type));
    }
    return all;
  }

  private static String changes(
      Map<Resources.ResourceType, Map<String, VersionedResource<?>>> before,
      Map<Resources.ResourceType, Map<String, VersionedResource<?>>> after) {
    StringBuilder b = new StringBuilder();
    for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
      Map<String, VersionedResource<?>> was = before.get(type);
      Map<String, VersionedResource<?>> now = after.get(type);
      long changed =
          now.entrySet().stream()
              .filter(
                  e ->
                      was.get(e.getKey()) == null
                          || !was.get(e.getKey()).version().equals(e.getValue().version()))
              .count();
      long sameInstance =
          now.entrySet().stream()
              .filter(
                  e ->
                      was.get(e.getKey()) != null
                          && was.get(e.getKey()).resource() == e.getValue().resource())
              .count();
      b.append(type)
          .append(' ')
          .append(changed)
          .append("/")
          .append(now.size())
          .append(" (same instance ")
          .append(sameInstance)
          .append(") ");
    }
    return b.toString().trim();
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }
}
