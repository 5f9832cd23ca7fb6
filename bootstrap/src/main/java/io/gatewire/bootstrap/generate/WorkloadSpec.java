package io.gatewire.bootstrap.generate;

import java.util.Arrays;

/**
 * The shape of a generated workload (docs/performance.md, "Workloads"). Services = routes / 2 (at
 * least one); every route's backends are Services of its own namespace, so namespaces may not
 * outnumber Services.
 *
 * @param metadata what the benchmarks measure: {@code OFF} and {@code DEFAULT} give the same
 *     manifests (metadata is emitted by the translator, {@code OFF} is measured by removing it from
 *     the xDS); {@code ANNOTATIONS} adds two {@code gateway.envoyproxy.io/} annotations to every
 *     object
 */
public record WorkloadSpec(
    int routes,
    int rulesPerRoute,
    int matchesPerRule,
    int backendsPerRule,
    int endpointsPerService,
    Hostnames hostnames,
    int namespaces,
    Metadata metadata,
    long seed) {

  public static final long DEFAULT_SEED = 1;

  public WorkloadSpec {
    positive("routes", routes);
    positive("rules per route", rulesPerRoute);
    positive("matches per rule", matchesPerRule);
    positive("backends per rule", backendsPerRule);
    positive("endpoints per service", endpointsPerService);
    positive("namespaces", namespaces);
    if (hostnames == null || metadata == null) {
      throw new IllegalArgumentException("hostnames and metadata are required");
    }
    if (namespaces > Math.max(1, routes / 2)) {
      throw new IllegalArgumentException(
          "namespaces ("
              + namespaces
              + ") may not exceed the Services (routes / 2 = "
              + Math.max(1, routes / 2)
              + "): every namespace needs a Service for its routes");
    }
  }

  /**
   * The smallest shape (1 rule x 1 match, 1 backend, 1 endpoint, a host per route, 1 namespace,
   * default metadata).
   */
  public static WorkloadSpec of(int routes) {
    return new WorkloadSpec(
        routes, 1, 1, 1, 1, Hostnames.PER_ROUTE, 1, Metadata.DEFAULT, DEFAULT_SEED);
  }

  public int services() {
    return Math.max(1, routes / 2);
  }

  public int endpoints() {
    return services() * endpointsPerService;
  }

  public WorkloadSpec withRules(int rules, int matches) {
    return new WorkloadSpec(
        routes,
        rules,
        matches,
        backendsPerRule,
        endpointsPerService,
        hostnames,
        namespaces,
        metadata,
        seed);
  }

  public WorkloadSpec withBackends(int backends) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backends,
        endpointsPerService,
        hostnames,
        namespaces,
        metadata,
        seed);
  }

  public WorkloadSpec withEndpointsPerService(int endpoints) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backendsPerRule,
        endpoints,
        hostnames,
        namespaces,
        metadata,
        seed);
  }

  public WorkloadSpec withHostnames(Hostnames value) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backendsPerRule,
        endpointsPerService,
        value,
        namespaces,
        metadata,
        seed);
  }

  public WorkloadSpec withNamespaces(int value) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backendsPerRule,
        endpointsPerService,
        hostnames,
        value,
        metadata,
        seed);
  }

  public WorkloadSpec withMetadata(Metadata value) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backendsPerRule,
        endpointsPerService,
        hostnames,
        namespaces,
        value,
        seed);
  }

  public WorkloadSpec withSeed(long value) {
    return new WorkloadSpec(
        routes,
        rulesPerRoute,
        matchesPerRule,
        backendsPerRule,
        endpointsPerService,
        hostnames,
        namespaces,
        metadata,
        value);
  }

  /** The {@code gatewire generate} arguments that produce this workload. */
  public String commandLine() {
    return "gatewire generate --routes "
        + routes
        + " --rules-per-route "
        + rulesPerRoute
        + " --matches-per-rule "
        + matchesPerRule
        + " --backends-per-rule "
        + backendsPerRule
        + " --endpoints-per-service "
        + endpointsPerService
        + " --hostnames "
        + hostnames.flag()
        + " --namespaces "
        + namespaces
        + " --metadata "
        + metadata.flag()
        + " --seed "
        + seed;
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, was " + value);
    }
  }

  /** One hostname per route, or one host shared by every route (split by path). */
  public enum Hostnames {
    PER_ROUTE("per-route"),
    SHARED("shared");

    private final String flag;

    Hostnames(String flag) {
      this.flag = flag;
    }

    public String flag() {
      return flag;
    }

    public static Hostnames parse(String flag) {
      return Arrays.stream(values())
          .filter(h -> h.flag.equals(flag))
          .findFirst()
          .orElseThrow(
              () -> new IllegalArgumentException("expected per-route or shared, was " + flag));
    }
  }

  /**
   * The metadata axis: none, the default provenance entries, or those plus two annotations per
   * object.
   */
  public enum Metadata {
    OFF("off"),
    DEFAULT("default"),
    ANNOTATIONS("annotations");

    private final String flag;

    Metadata(String flag) {
      this.flag = flag;
    }

    public String flag() {
      return flag;
    }

    public static Metadata parse(String flag) {
      return Arrays.stream(values())
          .filter(m -> m.flag.equals(flag))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "expected off, default or annotations, was " + flag));
    }
  }
}
