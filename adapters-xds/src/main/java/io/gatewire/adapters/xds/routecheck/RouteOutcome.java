package io.gatewire.adapters.xds.routecheck;

import java.util.List;
import java.util.Map;

/**
 * What Envoy does with one request. {@code listener}, {@code filterChain}, {@code virtualHost},
 * {@code route} and {@code cluster} name what was selected (null: nothing was). {@code answers} are
 * the possible answers with their share of the traffic (several when the route splits by weight);
 * {@code mirrors} are the clusters that get a copy; {@code retry} and {@code timeout} summarise the
 * route's policy; {@code notes} say what was assumed.
 */
public record RouteOutcome(
    String listener,
    String filterChain,
    String virtualHost,
    String route,
    String cluster,
    List<Answer> answers,
    List<Mirror> mirrors,
    String retry,
    String timeout,
    List<String> notes) {
  public RouteOutcome {
    answers = List.copyOf(answers);
    mirrors = List.copyOf(mirrors);
    notes = List.copyOf(notes);
  }

  /** A backend Service (or ServiceImport, Backend) and port, as the locality metadata names it. */
  public record Backend(
      String kind, String namespace, String name, String port, boolean assumedReady) {
    @Override
    public String toString() {
      return namespace + "/" + name + (port.isEmpty() ? "" : ":" + port);
    }
  }

  /**
   * One possible answer: its share of the requests ({@code 0..1}), the backend that answers (null
   * for Envoy's own answers: direct response, redirect, no route, missing cluster), the final
   * status, the redirect Location, the request as the backend received it, the response headers,
   * and how many attempts the backend saw.
   */
  public record Answer(
      double share,
      String cluster,
      Backend backend,
      int status,
      String location,
      ReceivedRequest received,
      Map<String, List<String>> responseHeaders,
      int attempts) {
    public Answer {
      responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }
  }

  /** The request as the backend got it, after rewrites and header changes. */
  public record ReceivedRequest(
      String method, String host, String path, Map<String, List<String>> headers) {
    public ReceivedRequest {
      headers = Map.copyOf(headers);
    }
  }

  /** A mirror: the cluster, the backends behind it, and the percentage of requests copied. */
  public record Mirror(String cluster, List<Backend> backends, double percent) {
    public Mirror {
      backends = List.copyOf(backends);
    }
  }
}
