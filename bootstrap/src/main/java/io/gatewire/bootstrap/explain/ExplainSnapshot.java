package io.gatewire.bootstrap.explain;

import io.gatewire.adapters.xds.routecheck.RouteChecker;
import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.bootstrap.routecheck.InputEndpoints;
import io.gatewire.domain.explain.Clue;
import io.gatewire.domain.explain.Explainer;
import io.gatewire.domain.explain.Explanation;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.translate.TranslationResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One translation, ready to explain: the input, its translation, where each object was read, and
 * how metadata was emitted (for simulating requests as route-check does).
 */
public record ExplainSnapshot(
    GatewayResources resources,
    TranslationResult result,
    Function<ObjectRef, String> locations,
    MetadataOptions metadata) {
  public ExplainSnapshot {
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(locations, "locations");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** Explains a name, stat, label set, series or access log line ({@link ExplainInput}). */
  public Explanation explain(String input) {
    ExplainInput.Read read = ExplainInput.read(input);
    return explainer().explain(input, read.understoodAs(), read.clues());
  }

  /**
   * A request to a Gateway: {@code url} is {@code http(s)://host[:port]/path?query}; {@code
   * gateway} ({@code namespace/name}) may be null when only one Gateway listens on the port.
   */
  public record Request(
      String url, String method, Map<String, List<String>> headers, String gateway) {
    public Request {
      Objects.requireNonNull(url, "url");
      method = method == null ? "GET" : method;
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }

  /**
   * Explains what {@code request} would go through, as route-check simulates it.
   *
   * @throws IllegalArgumentException when the URL is not an http(s) URL
   */
  public Explanation explain(Request request) {
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + request.url());
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "a request is an http:// or https:// URL with a host, not " + request.url());
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    String input = request.method() + " " + request.url();
    List<String> gateways =
        request.gateway() != null
            ? List.of(request.gateway())
            : result.ir().gateways().stream()
                .filter(g -> g.listeners().stream().anyMatch(l -> l.port() == port))
                .map(IrGateway::key)
                .toList();
    if (gateways.size() != 1) {
      String why =
          gateways.isEmpty()
              ? "no Gateway has a listener on port " + port
              : "Gateways " + gateways + " listen on port " + port + ": say which with --gateway";
      return new Explanation(input, "request", List.of(), List.of(), List.of(why));
    }
    String gateway = gateways.get(0);
    RouteOutcome outcome =
        new RouteChecker(result.ir(), metadata, new InputEndpoints(resources))
            .check(
                new RouteRequest(
                    gateway,
                    port,
                    scheme,
                    "https".equals(scheme) ? uri.getHost() : null,
                    uri.getHost(),
                    request.method(),
                    path,
                    request.headers(),
                    Map.of()));
    List<Clue> clues = new ArrayList<>();
    if (outcome.virtualHost() != null) {
      clues.add(new Clue.XdsName(outcome.virtualHost()));
    } else if (outcome.listener() != null) {
      clues.add(new Clue.XdsName(outcome.listener()));
    }
    if (outcome.route() != null) {
      clues.add(new Clue.XdsName(outcome.route()));
    }
    List<String> answers = new ArrayList<>();
    for (RouteOutcome.Answer answer : outcome.answers()) {
      if (answer.backend() != null) {
        RouteOutcome.Backend b = answer.backend();
        clues.add(
            new Clue.BackendClue(
                b.kind(),
                b.namespace(),
                b.name(),
                b.port().matches("\\d+") ? Integer.valueOf(b.port()) : null));
      }
      answers.add(
          Math.round(answer.share() * 1000) / 10.0
              + "% answered "
              + answer.status()
              + (answer.backend() != null
                  ? " by " + answer.backend().kind() + " " + answer.backend()
                  : answer.location() != null ? " (Location " + answer.location() + ")" : ""));
    }
    Explanation explained =
        explainer().explain(input, "request to Gateway " + gateway + " port " + port, clues);
    List<String> xds = new ArrayList<>(explained.xds());
    xds.add("route-check: " + String.join("; ", answers));
    outcome.notes().forEach(n -> xds.add("route-check: " + n));
    List<String> unresolved = new ArrayList<>(explained.unresolved());
    if (outcome.route() == null) {
      unresolved.add(
          "no route of Gateway "
              + gateway
              + " matches this request (Envoy answers "
              + (outcome.answers().isEmpty() ? "nothing" : outcome.answers().get(0).status())
              + ")");
    }
    return new Explanation(
        explained.input(), explained.understoodAs(), explained.objects(), xds, unresolved);
  }

  private Explainer explainer() {
    return new Explainer(resources, result, locations);
  }
}
