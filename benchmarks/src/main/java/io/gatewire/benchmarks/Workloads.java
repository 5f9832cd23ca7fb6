package io.gatewire.benchmarks;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workload shapes the benchmarks name, and the single edits the change figures apply. */
public final class Workloads {
  /** 1 rule x 1 match, 1 backendRef, 1 endpoint per Service, a host per route, 1 namespace. */
  public static final String SMALL = "1x1";

  /**
   * 3 rules x 2 matches, 2 backendRefs per rule, 10 endpoints per Service, a host per route, 1
   * namespace.
   */
  public static final String LARGE = "3x2";

  /**
   * Route and Service shape as {@link #SMALL}, 10 endpoints per Service: 50k endpoints at 10k
   * routes (figures 2-4).
   */
  public static final String ENDPOINTS = "1x1-10ep";

  private Workloads() {}

  public static WorkloadSpec spec(int routes, String shape) {
    WorkloadSpec small = WorkloadSpec.of(routes);
    switch (shape) {
      case SMALL:
        return small;
      case LARGE:
        return small.withRules(3, 2).withBackends(2).withEndpointsPerService(10);
      case ENDPOINTS:
        return small.withEndpointsPerService(10);
      default:
        throw new IllegalArgumentException(
            "unknown shape " + shape + "; expected " + SMALL + ", " + LARGE + " or " + ENDPOINTS);
    }
  }

  /** {@code yaml} with the first path of the middle route changed (figure 2). */
  public static String editMiddleRoute(String yaml, WorkloadSpec spec) {
    String path = "\"" + WorkloadGenerator.firstPath(spec.routes() / 2) + "\"";
    return replaceOnce(
        yaml, path, "\"" + WorkloadGenerator.firstPath(spec.routes() / 2) + "/edited\"");
  }

  /** {@code yaml} with the middle endpoint moved to an address no endpoint has (figure 3). */
  public static String moveMiddleEndpoint(String yaml, WorkloadSpec spec) {
    String address = "\"" + WorkloadGenerator.endpointAddress(spec.endpoints() / 2) + "\"";
    return replaceOnce(
        yaml, address, "\"" + WorkloadGenerator.endpointAddress(spec.endpoints()) + "\"");
  }

  /**
   * {@code yaml} without the HTTPRoute {@code route-<index>}: its virtual host, cluster and
   * assignment go away.
   */
  public static String withoutRoute(String yaml, int index) {
    String separator = "\n---\n";
    String wanted =
        "kind: HTTPRoute\nmetadata:\n  name: " + WorkloadGenerator.routeName(index) + "\n";
    List<String> documents = List.of(yaml.split(separator));
    List<String> kept = documents.stream().filter(document -> !document.contains(wanted)).toList();
    if (kept.size() != documents.size() - 1) {
      throw new IllegalStateException("route " + index + " does not occur exactly once");
    }
    return String.join(separator, kept);
  }

  /**
   * {@code yaml} without any HTTPRoute: the Gateway, Services and EndpointSlices that routes attach
   * to.
   */
  public static String withoutRoutes(String yaml) {
    String separator = "\n---\n";
    return String.join(
        separator,
        List.of(yaml.split(separator)).stream()
            .filter(document -> !document.contains("kind: HTTPRoute\n"))
            .toList());
  }

  /**
   * {@code changed} as the file source hands it over after an edit of {@code original}'s files:
   * every object equal to one of {@code original}'s is that very instance (the source keeps the
   * decoded objects of the documents whose text did not change), the others are new.
   */
  public static GatewayResources sharingUnchanged(
      GatewayResources original, GatewayResources changed) {
    Map<ObjectRef, KubernetesObject> before = new HashMap<>();
    original.all().forEach(o -> before.put(o.ref(), o));
    GatewayResources.Builder shared = GatewayResources.builder();
    for (KubernetesObject o : changed.all()) {
      KubernetesObject old = before.get(o.ref());
      shared.add(old != null && old.equals(o) ? old : o);
    }
    return shared.build();
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException(from + " does not occur exactly once");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
