package io.gatewire.bootstrap.generate;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.file.LoadResult;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.SourceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a {@link WorkloadSpec} as multi-document YAML: a GatewayClass for {@code
 * gatewire.io/gateway-controller}, the Namespaces {@code bench-0..}, one Gateway {@code bench} in
 * {@code bench-0} (an HTTP listener on port 8080 that admits routes from All namespaces, so one
 * Gateway serves every namespace), the Services {@code svc-<s>} (namespace {@code s mod
 * namespaces}, port 8080 to target port 3000) each with an EndpointSlice of ready endpoints at
 * distinct IPs, and the HTTPRoutes {@code route-<i>} (namespace {@code i mod namespaces}).
 *
 * <p>Each rule's matches mix PathPrefix and Exact paths, unique per route ({@code
 * /route-<i>/rule-<r>/match-<m>}, so a shared host never has two routes on one path), some with a
 * header match; its backendRefs name Services of the route's namespace with weights 1..100. Which
 * Services, which weights and which match types come from the seed; names, paths and addresses do
 * not, so an edit can be found in any workload.
 *
 * <p>Slightly over the usual size: one writer method per kind of object above.
 */
public final class WorkloadGenerator {
  public static final String GATEWAY_NAMESPACE = "bench-0";
  public static final String GATEWAY_NAME = "bench";
  public static final String SHARED_HOSTNAME = "bench.example";
  private static final String ANNOTATION_PREFIX = "gateway.envoyproxy.io/";

  private WorkloadGenerator() {}

  /** The manifests of {@code spec}: the same spec gives the same bytes. */
  public static String yaml(WorkloadSpec spec) {
    return new Writer(spec).write();
  }

  /**
   * The manifests of {@code spec} decoded by the file source's decoder, as {@code gatewire} reads
   * them.
   */
  public static GatewayResources resources(WorkloadSpec spec) {
    return decode(yaml(spec));
  }

  /**
   * Decodes manifests as {@code gatewire translate -f -} does; a warning (skipped object) is an
   * error here.
   */
  public static GatewayResources decode(String yaml) {
    FileConfigurationSource source =
        new FileConfigurationSource(
            List.of(Path.of("-")), new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    try {
      LoadResult loaded = source.loadWithWarnings();
      if (!loaded.warnings().isEmpty()) {
        throw new IllegalStateException("generated manifests gave warnings: " + loaded.warnings());
      }
      return loaded.resources();
    } catch (SourceException e) {
      throw new IllegalStateException("generated manifests do not decode: " + e.getMessage(), e);
    }
  }

  /**
   * The path of the first match of the first rule of route {@code route}, as quoted in the YAML.
   */
  public static String firstPath(int route) {
    return path(route, 0, 0);
  }

  /**
   * The address of the {@code index}-th endpoint (counting over all Services in order), as quoted
   * in the YAML.
   */
  public static String endpointAddress(int index) {
    int host = index + 1;
    return "10." + (1 + host / 65_536) + "." + (host / 256 % 256) + "." + (host % 256);
  }

  public static String routeName(int route) {
    return "route-" + route;
  }

  public static String namespace(int index) {
    return "bench-" + index;
  }

  private static String path(int route, int rule, int match) {
    return "/" + routeName(route) + "/rule-" + rule + "/match-" + match;
  }

  /**
   * One generation: the random stream is consumed in document order, so the output depends on the
   * seed only.
   */
  private static final class Writer {
    private final WorkloadSpec spec;
    private final SplittableRandom random;
    private final StringBuilder out = new StringBuilder();
    private boolean firstDocument = true;

    Writer(WorkloadSpec spec) {
      this.spec = spec;
      this.random = new SplittableRandom(spec.seed());
    }

    String write() {
      out.append("# ").append(spec.commandLine()).append('\n');
      gatewayClass();
      for (int n = 0; n < spec.namespaces(); n++) {
        namespaceObject(n);
      }
      gateway();
      for (int s = 0; s < spec.services(); s++) {
        service(s);
        endpointSlice(s);
      }
      for (int i = 0; i < spec.routes(); i++) {
        httpRoute(i);
      }
      return out.toString();
    }

    private void gatewayClass() {
      header("gateway.networking.k8s.io/v1", "GatewayClass", "gatewire", null);
      line("spec:");
      line("  controllerName: gatewire.io/gateway-controller");
    }

    private void namespaceObject(int n) {
      header("v1", "Namespace", namespace(n), null);
    }

    private void gateway() {
      header("gateway.networking.k8s.io/v1", "Gateway", GATEWAY_NAME, GATEWAY_NAMESPACE);
      line("spec:");
      line("  gatewayClassName: gatewire");
      line("  listeners:");
      line("  - name: http");
      line("    protocol: HTTP");
      line("    port: 8080");
      line("    allowedRoutes:");
      line("      namespaces:");
      line("        from: All");
    }

    private void service(int s) {
      header("v1", "Service", "svc-" + s, namespace(s % spec.namespaces()));
      line("spec:");
      line("  clusterIP: 10.96." + (s / 256 % 256) + "." + (s % 256));
      line("  ports:");
      line("  - name: http");
      line("    port: 8080");
      line("    targetPort: 3000");
    }

    private void endpointSlice(int s) {
      header(
          "discovery.k8s.io/v1",
          "EndpointSlice",
          "svc-" + s + "-slice",
          namespace(s % spec.namespaces()),
          "kubernetes.io/service-name: svc-" + s);
      line("addressType: IPv4");
      line("ports:");
      line("- name: http");
      line("  port: 3000");
      line("  protocol: TCP");
      line("endpoints:");
      for (int e = 0; e < spec.endpointsPerService(); e++) {
        line("- addresses: [\"" + endpointAddress(s * spec.endpointsPerService() + e) + "\"]");
        line("  conditions:");
        line("    ready: true");
      }
    }

    private void httpRoute(int i) {
      int namespace = i % spec.namespaces();
      header("gateway.networking.k8s.io/v1", "HTTPRoute", routeName(i), namespace(namespace));
      line("spec:");
      line("  parentRefs:");
      line("  - name: " + GATEWAY_NAME);
      line("    namespace: " + GATEWAY_NAMESPACE);
      line("  hostnames:");
      line(
          "  - \""
              + (spec.hostnames() == WorkloadSpec.Hostnames.SHARED
                  ? SHARED_HOSTNAME
                  : routeName(i) + "." + SHARED_HOSTNAME)
              + "\"");
      line("  rules:");
      for (int r = 0; r < spec.rulesPerRoute(); r++) {
        line("  - matches:");
        for (int m = 0; m < spec.matchesPerRule(); m++) {
          line("    - path:");
          line("        type: " + (random.nextInt(5) < 3 ? "PathPrefix" : "Exact"));
          line("        value: \"" + path(i, r, m) + "\"");
          if (random.nextInt(10) < 3) {
            line("      headers:");
            line("      - name: x-bench-variant");
            line("        value: \"v" + random.nextInt(10) + "\"");
          }
        }
        line("    backendRefs:");
        for (int b = 0; b < spec.backendsPerRule(); b++) {
          line("    - name: svc-" + serviceOf(namespace));
          line("      port: 8080");
          line("      weight: " + (1 + random.nextInt(100)));
        }
      }
    }

    /**
     * A random Service of {@code namespace}: the Services {@code namespace, namespace + n,
     * namespace + 2n, ...}.
     */
    private int serviceOf(int namespace) {
      int inNamespace = (spec.services() - 1 - namespace) / spec.namespaces() + 1;
      return namespace + spec.namespaces() * random.nextInt(inNamespace);
    }

    private void header(
        String apiVersion, String kind, String name, String namespace, String... labels) {
      if (!firstDocument) {
        line("---");
      }
      firstDocument = false;
      line("apiVersion: " + apiVersion);
      line("kind: " + kind);
      line("metadata:");
      line("  name: " + name);
      if (namespace != null) {
        line("  namespace: " + namespace);
      }
      if (labels.length > 0) {
        line("  labels:");
        for (String label : labels) {
          line("    " + label);
        }
      }
      if (spec.metadata() == WorkloadSpec.Metadata.ANNOTATIONS) {
        line("  annotations:");
        line("    " + ANNOTATION_PREFIX + "team: \"team-" + random.nextInt(20) + "\"");
        line(
            "    "
                + ANNOTATION_PREFIX
                + "owner: \""
                + kind.toLowerCase(java.util.Locale.ROOT)
                + "-owner-"
                + random.nextInt(1000)
                + "\"");
      }
    }

    private void line(String text) {
      out.append(text).append('\n');
    }
  }
}
