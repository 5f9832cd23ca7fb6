package io.gatewire.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.bootstrap.cli.RouteCheckInProcess;
import io.gatewire.bootstrap.envoy.EnvoyFixture;
import io.gatewire.bootstrap.envoy.EnvoyTraffic;
import io.gatewire.bootstrap.envoy.RouteCheckAgreement;
import io.gatewire.bootstrap.envoy.ServicePods;
import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.bootstrap.routecheck.CaseFileException;
import io.gatewire.bootstrap.routecheck.CaseFileReader;
import io.gatewire.bootstrap.routecheck.CaseRequests;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.echo.EchoClient;
import io.gatewire.testkit.echo.EchoServer;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One Gateway API conformance test through the real data plane: the base manifests and the test's
 * own (GatewayClass {@code gatewire} substituted and added, the suite's generated certificate
 * added) run as a cluster would run them ({@link EchoBackends#startPods}: echo Pods for the
 * Deployments, EndpointSlices for the Services that select them), served by {@code serve} in this
 * JVM to a real Envoy per Gateway, one at a time (they share listener ports). Each case is sent as
 * the upstream harness sends it and judged as it judges it ({@link HarnessExpectations}): it must
 * hold three times in a row within {@link #CONSISTENCY}; then, as the upstream test does, mirrors
 * are looked for in the mirror backends' request logs, weights and percentage mirrors are sampled,
 * and the backend-weights test checks its 100 requests. Every request is also put to route-check
 * over the same input, and its prediction must agree with what Envoy did ({@link
 * RouteCheckAgreement}); sampled weights and mirror percentages must agree with its shares within
 * the suite's tolerance.
 *
 * <p>Runtime changes: {@code delete <Kind> <ns>/<name>} removes the object from the input; {@code
 * patch EndpointSlice <ns>/<name>} points the slice at the Pods {@link #PATCHED_SLICES_POINT_AT}
 * names for the test (the data's note says what the upstream test writes); the input is saved and a
 * fresh Envoy connects.
 */
final class DataPlaneConformance {
  /**
   * The upstream harness needs this many passes in a row ({@code RequiredConsecutiveSuccesses}).
   */
  private static final int CONSECUTIVE = 3;

  /**
   * How long a case may take to hold {@link #CONSECUTIVE} times in a row. Upstream allows 30 s for
   * a cluster to converge; here Envoy's xDS stats have settled before the first request.
   */
  static final Duration CONSISTENCY = Duration.ofSeconds(5);

  private static final Duration RETRY_DELAY = Duration.ofMillis(500);
  private static final Duration ENVOY_READY = Duration.ofSeconds(30);
  private static final Duration MIRROR_WAIT = Duration.ofSeconds(10);
  private static final int CONCURRENT_REQUESTS = 10;
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String GATEWAY_CLASS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata:
        name: gatewire
      spec:
        controllerName: gatewire.io/gateway-controller
      """;

  /**
   * What {@code patch EndpointSlice} writes, per test: the Deployment whose Pods the slice then
   * lists (HTTPRouteServiceTypes patches its manual slices with the infra-backend-v1 Pod IPs).
   */
  static final Map<String, String> PATCHED_SLICES_POINT_AT =
      Map.of("HTTPRouteServiceTypes", "infra-backend-v1");

  /** One case: whether it held, why not, and whether route-check agreed with Envoy. */
  record CaseResult(String title, Optional<String> failure, List<String> disagreements) {
    boolean passed() {
      return failure.isEmpty();
    }

    boolean agreed() {
      return disagreements.isEmpty();
    }
  }

  /** One test: its features and its cases. */
  record TestResult(String test, List<String> features, List<CaseResult> cases, Duration took) {
    boolean passed() {
      return cases.stream().allMatch(CaseResult::passed);
    }

    long casesPassed() {
      return cases.stream().filter(CaseResult::passed).count();
    }

    long casesAgreed() {
      return cases.stream().filter(CaseResult::agreed).count();
    }
  }

  private final String test;
  private final CaseFile file;
  private final String manifests;
  private final SuiteCertificate certificate;
  private final ExecutorService senders;

  private EchoBackends cluster;
  private EnvoyFixture fixture;
  private EnvoyTraffic traffic;
  private RouteCheckInProcess routeCheck;
  private ServicePods pods;
  private Envoy envoy;
  private String envoyGateway;

  private DataPlaneConformance(
      String test,
      CaseFile file,
      String manifests,
      SuiteCertificate certificate,
      ExecutorService senders) {
    this.test = test;
    this.file = file;
    this.manifests = manifests;
    this.certificate = certificate;
    this.senders = senders;
  }

  /** Runs the test of {@code row} (an entry of the data's {@code index.yaml}) in {@code data}. */
  static TestResult run(Path data, JsonNode row, SuiteCertificate certificate) {
    long started = System.nanoTime();
    String test = row.path("name").asText();
    Path dir = data.resolve(row.path("dir").asText());
    List<String> features = new ArrayList<>();
    row.path("features").forEach(f -> features.add(f.asText()));
    ExecutorService senders = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
    try {
      CaseFile file = new CaseFileReader().read(dir.resolve("cases.yaml"));
      String manifests =
          String.join(
                  "---\n",
                  read(data.resolve("base/manifests.yaml")),
                  read(dir.resolve("manifests.yaml")),
                  GATEWAY_CLASS,
                  certificate.secretYaml())
              .replace("{GATEWAY_CLASS_NAME}", "gatewire");
      List<CaseResult> cases =
          new DataPlaneConformance(test, file, manifests, certificate, senders).runCases();
      return new TestResult(test, features, cases, Duration.ofNanos(System.nanoTime() - started));
    } catch (CaseFileException e) {
      throw new IllegalStateException(test + ": " + e.getMessage(), e);
    } finally {
      senders.shutdownNow();
    }
  }

  private List<CaseResult> runCases() {
    List<CaseResult> results = new ArrayList<>();
    try (EchoBackends started = EchoBackends.startPods(manifests);
        EnvoyFixture served = EnvoyFixture.serve(started.manifests())) {
      cluster = started;
      fixture = served;
      traffic = new EnvoyTraffic(fixture, Optional.of(certificate.certificatePem()));
      List<String> applied = List.of();
      useInput(cluster.manifests());
      int index = 0;
      for (CaseFile.Case c : file.cases()) {
        String title = c.title(index++);
        if (!c.afterRuntimeChanges().equals(applied)) {
          Optional<String> unapplied = applyRuntimeChanges(c.afterRuntimeChanges());
          applied = c.afterRuntimeChanges();
          if (unapplied.isPresent()) {
            results.add(new CaseResult(title, unapplied, List.of()));
            continue;
          }
        }
        results.add(runCase(title, c));
      }
    }
    return results;
  }

  /** The input from now on: saved for {@code serve}, read by route-check, any Envoy restarted. */
  private void useInput(String input) {
    routeCheck = RouteCheckInProcess.of(input);
    pods = ServicePods.of(input);
    if (envoy != null) {
      envoy.close();
      envoy = null;
      envoyGateway = null;
    }
  }

  private Optional<String> applyRuntimeChanges(List<String> changes) {
    String input = cluster.manifests();
    for (String change : changes) {
      String[] words = change.trim().split("\\s+");
      String[] ref = words.length == 3 ? words[2].split("/", 2) : new String[0];
      if (ref.length != 2) {
        return Optional.of("runtime change not understood: " + change);
      }
      if (words[0].equals("delete")) {
        input = delete(input, words[1], ref[0], ref[1]);
      } else if (words[0].equals("patch")
          && words[1].equals("EndpointSlice")
          && PATCHED_SLICES_POINT_AT.containsKey(test)) {
        input = cluster.pointSlice(input, ref[0], ref[1], PATCHED_SLICES_POINT_AT.get(test));
      } else {
        return Optional.of(
            "runtime change not applied (its content is not in the data): " + change);
      }
    }
    fixture.edit(input);
    useInput(input);
    return Optional.empty();
  }

  private CaseResult runCase(String title, CaseFile.Case c) {
    Optional<String> failure;
    List<String> disagreements = new ArrayList<>();
    List<String> sentPaths = new ArrayList<>();
    try {
      Prepared first = prepare(c);
      ensureEnvoy(first.request().request().gateway());
      failure = untilConsistent(c, disagreements, sentPaths);
      if (failure.isEmpty()) {
        failure = afterwards(c, sentPaths, disagreements);
      }
    } catch (CaseFileException | RuntimeException e) {
      failure = Optional.of("could not run: " + e);
    }
    return new CaseResult(title, failure, List.copyOf(new LinkedHashSet<>(disagreements)));
  }

  /** A case made into a request, and route-check's prediction for it. */
  private record Prepared(CaseRequests.Prepared request, RouteOutcome predicted) {}

  private Prepared prepare(CaseFile.Case c) throws CaseFileException {
    CaseRequests.Prepared prepared = routeCheck.prepare(file, c);
    return new Prepared(prepared, routeCheck.check(prepared.request()));
  }

  private void ensureEnvoy(String gateway) {
    if (gateway.equals(envoyGateway)) {
      return;
    }
    if (envoy != null) {
      envoy.close();
    }
    envoy = fixture.envoy(gateway, AdsProtocol.DELTA);
    envoyGateway = gateway;
    envoy.awaitLive(ENVOY_READY);
    envoy.awaitStable(ENVOY_READY);
  }

  /**
   * Sends the case until it holds {@link #CONSECUTIVE} times in a row, a fresh request each time
   * ({@code {uuid}} and the request id renewed), at most {@link #CONSISTENCY}; the last complaint
   * when it never does.
   */
  private Optional<String> untilConsistent(
      CaseFile.Case c, List<String> disagreements, List<String> sentPaths)
      throws CaseFileException {
    long deadline = System.nanoTime() + CONSISTENCY.toNanos();
    int inARow = 0;
    Optional<String> last = Optional.empty();
    while (true) {
      Exchange exchange = exchange(c);
      sentPaths.add(exchange.prepared.request().request().path());
      exchange.disagreement.ifPresent(disagreements::add);
      last = exchange.failure;
      if (last.isEmpty()) {
        if (++inARow >= CONSECUTIVE) {
          return Optional.empty();
        }
        continue;
      }
      inARow = 0;
      if (System.nanoTime() > deadline) {
        return last;
      }
      sleep(RETRY_DELAY);
    }
  }

  /** One request: Envoy's answer, the harness's verdict, route-check's agreement. */
  record Exchange(
      Prepared prepared,
      EchoClient.Response response,
      Optional<String> failure,
      Optional<String> disagreement) {}

  private Exchange exchange(CaseFile.Case c) {
    Prepared prepared;
    try {
      prepared = prepare(c);
    } catch (CaseFileException e) {
      throw new IllegalStateException(e);
    }
    RouteRequest request = prepared.request().request();
    EchoClient.Response response = traffic.send(request, protocol(c));
    Optional<String> disagreement =
        RouteCheckAgreement.disagreement(
            prepared.predicted(), response, pods, requestHeaderNames(c), responseHeaderNames(c));
    return new Exchange(
        prepared,
        response,
        HarnessExpectations.failure(c, prepared.request(), response),
        disagreement.map(d -> request.method() + " " + request.host() + request.path() + ": " + d));
  }

  /** The checks the upstream test makes once the case holds. */
  private Optional<String> afterwards(
      CaseFile.Case c, List<String> sentPaths, List<String> disagreements)
      throws CaseFileException {
    Optional<String> failure = Optional.empty();
    if (!c.mirroredTo().isEmpty()) {
      failure =
          c.mirroredTo().stream().allMatch(m -> m.percent() == 0)
              ? mirrored(c, sentPaths, disagreements)
              : percentageMirrored(c, disagreements);
    }
    if (failure.isEmpty() && !c.expectedWeights().isEmpty()) {
      failure =
          WeightedSampling.check(
              c, () -> exchange(c), senders, prepare(c).predicted(), pods, disagreements);
    }
    if (failure.isEmpty() && test.equals("HTTPRouteRequestHeaderModifierBackendWeights")) {
      failure = backendHeaderMatchesPod(c, disagreements);
    }
    return failure;
  }

  /**
   * Every mirror backend's Pods got one of the requests sent (the request id makes the path
   * unique), within {@link #MIRROR_WAIT}; route-check must predict exactly these mirrors.
   */
  private Optional<String> mirrored(
      CaseFile.Case c, List<String> sentPaths, List<String> disagreements)
      throws CaseFileException {
    Set<String> predicted = new TreeSet<>();
    for (RouteOutcome.Mirror mirror : prepare(c).predicted().mirrors()) {
      mirror.backends().forEach(b -> predicted.add(b.namespace() + "/" + b.name()));
    }
    Set<String> wanted = new TreeSet<>();
    c.mirroredTo().forEach(m -> wanted.add(m.namespace() + "/" + m.name()));
    long deadline = System.nanoTime() + MIRROR_WAIT.toNanos();
    Set<String> seen = new TreeSet<>();
    while (true) {
      seen.clear();
      Set<String> candidates = new TreeSet<>(wanted);
      candidates.addAll(predicted);
      for (String service : candidates) {
        if (servers(service).stream()
            .flatMap(s -> s.received().stream())
            .anyMatch(r -> sentPaths.contains(r.path()))) {
          seen.add(service);
        }
      }
      if (seen.containsAll(wanted) || System.nanoTime() > deadline) {
        break;
      }
      sleep(Duration.ofMillis(100));
    }
    if (!seen.equals(predicted)) {
      disagreements.add("mirrors seen " + seen + ", route-check predicted " + predicted);
    }
    return seen.containsAll(wanted)
        ? Optional.empty()
        : Optional.of("mirrored request not found in the logs of " + difference(wanted, seen));
  }

  private Optional<String> percentageMirrored(CaseFile.Case c, List<String> disagreements)
      throws CaseFileException {
    Map<String, Double> predicted = new TreeMap<>();
    for (RouteOutcome.Mirror mirror : prepare(c).predicted().mirrors()) {
      mirror
          .backends()
          .forEach(
              b -> predicted.merge(b.namespace() + "/" + b.name(), mirror.percent(), Double::sum));
    }
    return MirrorSampling.check(
        c, this::exchange, senders, this::servers, predicted, disagreements);
  }

  /**
   * HTTPRouteRequestHeaderModifierBackendWeights: 100 more requests, each landing on a Pod whose
   * name starts with the {@code Backend} header its backendRef's filter added.
   */
  private Optional<String> backendHeaderMatchesPod(CaseFile.Case c, List<String> disagreements)
      throws CaseFileException {
    for (int i = 0; i < 100; i++) {
      Exchange exchange = exchange(c);
      exchange.disagreement().ifPresent(disagreements::add);
      Optional<EchoClient.EchoedRequest> echoed = exchange.response().echoed();
      List<String> backends =
          echoed.map(e -> e.headers().getOrDefault("Backend", List.of())).orElse(List.of());
      if (backends.size() != 1) {
        return Optional.of(
            "expected a single 'Backend' header to have been set, got " + backends.size());
      }
      if (!echoed.get().pod().startsWith(backends.get(0))) {
        return Optional.of(
            "expected the backendRef to have set the correct headers and sent the request to the"
                + " correct pod, got "
                + echoed.get().pod()
                + ", want "
                + backends.get(0));
      }
    }
    return Optional.empty();
  }

  /** The echo servers behind Service {@code namespace/name} in the current input. */
  private List<EchoServer> servers(String service) {
    String[] ref = service.split("/", 2);
    List<EchoServer> servers = new ArrayList<>();
    for (String pod : pods.pods(ref[0], ref[1])) {
      String[] podRef = pod.split("/", 2);
      cluster.pod(podRef[0], podRef[1]).ifPresent(servers::add);
    }
    return servers;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

  private static EchoClient.Protocol protocol(CaseFile.Case c) {
    String protocol = c.request().protocol();
    if (protocol == null
        || protocol.isEmpty()
        || protocol.equals("HTTP")
        || protocol.equals("HTTPS")) {
      return EchoClient.Protocol.HTTP_1_1;
    }
    return EchoClient.Protocol.valueOf(protocol);
  }

  /** The request header names a case mentions: sent, expected, expected absent. */
  private static List<String> requestHeaderNames(CaseFile.Case c) {
    List<String> names = new ArrayList<>(c.request().headers().keySet());
    if (c.expectedRequest() != null) {
      names.addAll(c.expectedRequest().headers().keySet());
      names.addAll(c.expectedRequest().absentHeaders());
    }
    return names;
  }

  /** The response header names a case mentions. */
  private static List<String> responseHeaderNames(CaseFile.Case c) {
    List<String> names = new ArrayList<>(c.backendSetResponseHeaders().keySet());
    if (c.response() != null) {
      names.addAll(c.response().headers().keySet());
      names.addAll(c.response().validHeaderValues().keySet());
      names.addAll(c.response().absentHeaders());
    }
    return names;
  }

  /** Sends {@code count} requests, {@link #CONCURRENT_REQUESTS} at a time. */
  static <T> List<T> concurrently(ExecutorService senders, int count, Supplier<T> request) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(senders.submit(request::get));
    }
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }

  /** {@code manifests} without the object {@code kind namespace/name}. */
  private static String delete(String manifests, String kind, String namespace, String name) {
    StringBuilder out = new StringBuilder();
    boolean found = false;
    try (MappingIterator<JsonNode> documents =
        YAML.readerFor(JsonNode.class).readValues(manifests)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull()) {
          continue;
        }
        if (document.path("kind").asText().equals(kind)
            && document.path("metadata").path("namespace").asText().equals(namespace)
            && document.path("metadata").path("name").asText().equals(name)) {
          found = true;
          continue;
        }
        out.append(YAML.writeValueAsString(document));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!found) {
      throw new IllegalArgumentException(
          "no " + kind + " " + namespace + "/" + name + " to delete");
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
