package io.gatewire.conformance;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.bootstrap.envoy.ServicePods;
import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.testkit.echo.EchoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The upstream weighted-distribution check ({@code conformance/utils/weight}, v1.6.1): 500
 * requests, 10 at a time, each judged as the case is; every answering Pod's backend (its name
 * without the last two parts) must be one of {@code expectedWeights}, exactly the backends with a
 * weight above 0 must get traffic, and each backend's share must be within 0.05 of its weight; up
 * to 10 tries. route-check's shares must agree with the last sample within the same tolerance.
 */
final class WeightedSampling {
  static final int REQUESTS = 500;
  static final double TOLERANCE = 0.05;
  static final int TRIES = 10;

  private WeightedSampling() {}

  static Optional<String> check(
      CaseFile.Case c,
      Supplier<DataPlaneConformance.Exchange> send,
      ExecutorService senders,
      RouteOutcome predicted,
      ServicePods pods,
      List<String> disagreements) {
    Optional<String> failure = Optional.empty();
    List<EchoClient.EchoedRequest> sample = List.of();
    for (int attempt = 0; attempt < TRIES; attempt++) {
      List<DataPlaneConformance.Exchange> exchanges =
          DataPlaneConformance.concurrently(senders, REQUESTS, send);
      exchanges.stream()
          .flatMap(e -> e.disagreement().stream())
          .distinct()
          .limit(3)
          .forEach(disagreements::add);
      sample = exchanges.stream().flatMap(e -> e.response().echoed().stream()).toList();
      failure = distribution(c.expectedWeights(), exchanges);
      if (failure.isEmpty()) {
        break;
      }
    }
    agreement(predicted, sample, pods).ifPresent(disagreements::add);
    return failure;
  }

  private static Optional<String> distribution(
      Map<String, Double> expected, List<DataPlaneConformance.Exchange> exchanges) {
    Map<String, Integer> seen = new TreeMap<>();
    for (DataPlaneConformance.Exchange exchange : exchanges) {
      if (exchange.failure().isPresent()) {
        return Optional.of(
            "error while sending requests: response expectation failed for request: "
                + exchange.failure().get());
      }
      String pod = exchange.response().echoed().map(EchoClient.EchoedRequest::pod).orElse("");
      String backend = backendName(pod);
      if (!expected.containsKey(backend)) {
        return Optional.of(
            "request was handled by an unexpected pod "
                + pod
                + " (extracted backend: "
                + backend
                + ")");
      }
      seen.merge(backend, 1, Integer::sum);
    }
    List<String> errors = new ArrayList<>();
    long active = expected.values().stream().filter(w -> w > 0).count();
    if (seen.size() != active) {
      errors.add("expected " + active + " backends to receive traffic, but got " + seen.size());
    }
    expected.forEach(
        (backend, weight) -> {
          int count = seen.getOrDefault(backend, 0);
          if (count == 0 && weight != 0) {
            errors.add("expect traffic to hit backend " + backend + " - but none was received");
            return;
          }
          double share = (double) count / REQUESTS;
          if (Math.abs(share - weight) > TOLERANCE) {
            errors.add(
                String.format(
                    Locale.ROOT,
                    "backend %s weighted traffic of %.3f not within tolerance %.2f (+/-%.2f)",
                    backend,
                    share,
                    weight,
                    TOLERANCE));
          }
        });
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
  }

  /** Each predicted backend's share against the share of the sample its Pods answered. */
  private static Optional<String> agreement(
      RouteOutcome predicted, List<EchoClient.EchoedRequest> sample, ServicePods pods) {
    if (sample.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> shares = new TreeMap<>();
    predicted.answers().stream()
        .filter(a -> a.backend() != null)
        .forEach(
            a ->
                shares.merge(
                    a.backend().namespace() + "/" + a.backend().name(), a.share(), Double::sum));
    List<String> off = new ArrayList<>();
    shares.forEach(
        (service, share) -> {
          String[] ref = service.split("/", 2);
          double got =
              sample.stream()
                      .filter(e -> pods.backs(ref[0], ref[1], e.namespace(), e.pod()))
                      .count()
                  / (double) sample.size();
          if (Math.abs(got - share) > TOLERANCE) {
            off.add(String.format(Locale.ROOT, "%s %.3f (Envoy: %.3f)", service, share, got));
          }
        });
    return off.isEmpty()
        ? Optional.empty()
        : Optional.of("weights: route-check predicted " + String.join(", ", off));
  }

  /** The upstream {@code extractBackendName}: a Pod name without its last two parts. */
  static String backendName(String pod) {
    String[] parts = pod.split("-");
    return parts.length < 3 ? pod : String.join("-", List.of(parts).subList(0, parts.length - 2));
  }
}
