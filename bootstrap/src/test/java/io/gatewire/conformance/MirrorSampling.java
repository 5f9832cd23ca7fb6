package io.gatewire.conformance;

import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.testkit.echo.EchoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The upstream percentage-mirror check ({@code httproute-request-percentage-mirror.go}, v1.6.1): up
 * to 5 batches of 500 requests, 10 at a time, each batch with a request id of its own in the path;
 * each must hold as the case does, and the number of those requests in each mirror backend's
 * request log must be within 3 standard deviations of {@code percent} of 500. route-check's
 * percentage must agree with the last batch within the same bound.
 */
final class MirrorSampling {
  private static final int REQUESTS = 500;
  private static final int BATCHES = 5;
  private static final double STANDARD_DEVIATIONS = 3.0;
  private static final Duration SETTLE = Duration.ofMillis(500);
  private static final Duration LOG_WAIT = Duration.ofSeconds(10);

  private MirrorSampling() {}

  static Optional<String> check(
      CaseFile.Case c,
      Function<CaseFile.Case, DataPlaneConformance.Exchange> send,
      ExecutorService senders,
      Function<String, List<EchoServer>> servers,
      Map<String, Double> predicted,
      List<String> disagreements) {
    Optional<String> failure = Optional.empty();
    Map<String, Integer> counts = new TreeMap<>();
    for (int batch = 0; batch < BATCHES; batch++) {
      CaseFile.Case withId = withRequestId(c, UUID.randomUUID().toString());
      String path = withId.request().path();
      List<DataPlaneConformance.Exchange> exchanges =
          DataPlaneConformance.concurrently(senders, REQUESTS, () -> send.apply(withId));
      exchanges.stream()
          .flatMap(e -> e.disagreement().stream())
          .distinct()
          .limit(3)
          .forEach(disagreements::add);
      Optional<String> notHeld = exchanges.stream().flatMap(e -> e.failure().stream()).findFirst();
      if (notHeld.isPresent()) {
        failure = Optional.of("a request of the batch failed: " + notHeld.get());
        continue;
      }
      counts.clear();
      List<String> errors = new ArrayList<>();
      for (CaseFile.MirrorTarget mirror : c.mirroredTo()) {
        String service = mirror.namespace() + "/" + mirror.name();
        int count = settledCount(servers.apply(service), path);
        counts.put(service, count);
        outside(mirror.percent(), count)
            .ifPresent(
                bounds ->
                    errors.add(
                        "pod "
                            + mirror.name()
                            + " did not meet the mirroring percentage within tolerance. Expected between "
                            + bounds
                            + ", but got "
                            + count));
      }
      failure = errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
      if (failure.isEmpty()) {
        break;
      }
    }
    Map<String, Integer> seen = counts;
    predicted.forEach(
        (service, percent) ->
            outside(percent, seen.getOrDefault(service, 0))
                .ifPresent(
                    bounds ->
                        disagreements.add(
                            String.format(
                                Locale.ROOT,
                                "mirror %s: route-check predicted %.1f%% (%s of %d), Envoy mirrored %d",
                                service,
                                percent,
                                bounds,
                                REQUESTS,
                                seen.getOrDefault(service, 0)))));
    return failure;
  }

  /** The bounds when {@code count} is outside 3 standard deviations of {@code percent}. */
  private static Optional<String> outside(double percent, int count) {
    double p = percent / 100.0;
    double expected = REQUESTS * p;
    double margin = STANDARD_DEVIATIONS * Math.sqrt(REQUESTS * p * (1 - p));
    return count < expected - margin || count > expected + margin
        ? Optional.of(
            String.format(Locale.ROOT, "%.1f and %.1f", expected - margin, expected + margin))
        : Optional.empty();
  }

  /** How many requests for {@code path} the servers logged, once the count stops growing. */
  private static int settledCount(List<EchoServer> servers, String path) {
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    int last = -1;
    while (true) {
      int count =
          (int)
              servers.stream()
                  .flatMap(s -> s.received().stream())
                  .filter(r -> r.path().equals(path))
                  .count();
      if (count == last || System.nanoTime() > deadline) {
        return count;
      }
      last = count;
      DataPlaneConformance.sleep(SETTLE);
    }
  }

  /** The case with the harness's request id in its request (and expected request) path. */
  private static CaseFile.Case withRequestId(CaseFile.Case c, String id) {
    String param = "gateway-api-conformance-request-id=" + id;
    CaseFile.Request r = c.request();
    CaseFile.Request request =
        new CaseFile.Request(
            r.host(),
            r.method(),
            withQuery(r.path(), param),
            r.headers(),
            r.unfollowRedirect(),
            r.protocol());
    CaseFile.ExpectedRequest e = c.expectedRequest();
    CaseFile.ExpectedRequest expected =
        e == null
            ? null
            : new CaseFile.ExpectedRequest(
                e.host(),
                e.method(),
                withQuery(e.path() == null || e.path().isEmpty() ? r.path() : e.path(), param),
                e.headers(),
                e.absentHeaders());
    return new CaseFile.Case(
        c.subtest(),
        c.gateway(),
        c.tls(),
        c.testCaseName(),
        request,
        expected,
        c.backendSetResponseHeaders(),
        c.response(),
        c.redirectRequest(),
        c.backend(),
        c.namespace(),
        c.mirroredTo(),
        false,
        c.expectedWeights(),
        c.afterRuntimeChanges());
  }

  private static String withQuery(String path, String param) {
    String p = path == null || path.isEmpty() ? "/" : path;
    return p + (p.contains("?") ? "&" : "?") + param;
  }
}
