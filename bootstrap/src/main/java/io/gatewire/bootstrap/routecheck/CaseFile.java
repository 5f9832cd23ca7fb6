package io.gatewire.bootstrap.routecheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A cases file (docs/route-check.md; the same format as the vendored conformance data's {@code
 * cases.yaml}). A missing field is its Go zero value: null here for objects and strings, empty
 * lists and maps, false, 0.
 */
@JsonIgnoreProperties({
  "description",
  "features",
  "provisional",
  "upstreamManifests",
  "upstreamSource",
  "notes",
  "routes"
})
public record CaseFile(
    String test,
    Target gateway,
    List<Target> gateways,
    List<String> runtimeChanges,
    List<Case> cases) {
  public CaseFile {
    gateways = gateways == null ? List.of() : List.copyOf(gateways);
    runtimeChanges = runtimeChanges == null ? List.of() : List.copyOf(runtimeChanges);
    cases = cases == null ? List.of() : List.copyOf(cases);
  }

  /** Where requests go: a Gateway, optionally named listeners, a port and a scheme. */
  public record Target(
      String namespace, String name, List<String> listeners, Integer port, String scheme) {
    public Target {
      listeners = listeners == null ? List.of() : List.copyOf(listeners);
    }
  }

  /** One request and what must come of it. */
  public record Case(
      String subtest,
      Target gateway,
      Tls tls,
      String testCaseName,
      Request request,
      ExpectedRequest expectedRequest,
      Map<String, String> backendSetResponseHeaders,
      Response response,
      Redirect redirectRequest,
      String backend,
      String namespace,
      List<MirrorTarget> mirroredTo,
      boolean requestIdQueryParam,
      Map<String, Double> expectedWeights,
      List<String> afterRuntimeChanges) {
    public Case {
      request = request == null ? new Request(null, null, null, null, false, null) : request;
      backendSetResponseHeaders =
          backendSetResponseHeaders == null ? Map.of() : Map.copyOf(backendSetResponseHeaders);
      mirroredTo = mirroredTo == null ? List.of() : List.copyOf(mirroredTo);
      expectedWeights = expectedWeights == null ? Map.of() : Map.copyOf(expectedWeights);
      afterRuntimeChanges =
          afterRuntimeChanges == null ? List.of() : List.copyOf(afterRuntimeChanges);
    }

    /** The name to print: the subtest, else the test case name, else its position. */
    public String title(int index) {
      return subtest != null ? subtest : testCaseName != null ? testCaseName : "case " + index;
    }

    /** Whether anything is expected; a case with only a request is informational. */
    public boolean hasExpectation() {
      return response != null
          || expectedRequest != null
          || redirectRequest != null
          || backend != null
          || namespace != null
          || !mirroredTo.isEmpty()
          || !expectedWeights.isEmpty();
    }
  }

  /** The TLS server name (SNI) of an HTTPS request. */
  public record Tls(String serverName) {}

  /** The request as sent. */
  public record Request(
      String host,
      String method,
      String path,
      Map<String, String> headers,
      boolean unfollowRedirect,
      String protocol) {
    public Request {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }

  /** The request as the backend must receive it. */
  public record ExpectedRequest(
      String host,
      String method,
      String path,
      Map<String, String> headers,
      List<String> absentHeaders) {
    public ExpectedRequest {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      absentHeaders = absentHeaders == null ? List.of() : List.copyOf(absentHeaders);
    }
  }

  /** The response: allowed status codes and header expectations. */
  public record Response(
      Integer statusCode,
      List<Integer> statusCodes,
      Map<String, String> headers,
      Map<String, List<String>> validHeaderValues,
      List<String> absentHeaders,
      boolean ignoreWhitespace) {
    public Response {
      statusCodes = statusCodes == null ? List.of() : List.copyOf(statusCodes);
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      validHeaderValues = validHeaderValues == null ? Map.of() : Map.copyOf(validHeaderValues);
      absentHeaders = absentHeaders == null ? List.of() : List.copyOf(absentHeaders);
    }
  }

  /** The redirect target; the port is a string, as in Go. */
  public record Redirect(String scheme, String host, String port, String path) {}

  /** A Service that must receive a copy of the request, and the percentage (0: not given). */
  public record MirrorTarget(String name, String namespace, double percent) {}
}
