package io.gatewire.conformance;

import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.bootstrap.routecheck.CaseRequests;
import io.gatewire.testkit.echo.EchoClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one real round trip against a case exactly as the upstream harness's {@code
 * CompareRoundTrip} does (conformance/utils/http, v1.6.1), and returns its first complaint:
 *
 * <ul>
 *   <li>a timeout status (408, 504) passes when the case allows any timeout status; any other
 *       status must be allowed ({@code statusCodes} plus {@code statusCode}, else 200);
 *   <li>on 200 and 204: the request the backend echoed (none for an answer that is not JSON: then
 *       only the method sent is known) against {@code expectedRequest}, else against the request as
 *       sent: host when given, path, method (GET when empty), the echoing Pod's namespace (always
 *       compared, empty included), headers, absent headers; the response's headers, valid values
 *       and absent headers; the Pod's name must start with {@code backend};
 *   <li>on 3xx with a {@code redirectRequest}: the Location's host (any when not given), port (80
 *       or none for http, 443 or none for https when not given), scheme (the request's when not
 *       given) and path (the request's path when not given).
 * </ul>
 */
final class HarnessExpectations {
  private HarnessExpectations() {}

  static Optional<String> failure(
      CaseFile.Case c, CaseRequests.Prepared prepared, EchoClient.Response response) {
    if (response.status() == 0) {
      return Optional.of("no answer: " + response.error());
    }
    List<Integer> allowed = allowedStatuses(c.response());
    if (timeout(response.status()) && allowed.stream().anyMatch(HarnessExpectations::timeout)) {
      return Optional.empty();
    }
    if (!allowed.contains(response.status())) {
      return Optional.of(
          "expected status code to be one of " + allowed + ", got " + response.status());
    }
    if (response.status() == 200 || response.status() == 204) {
      return backendFailure(c, prepared, response);
    }
    if (response.status() >= 300 && response.status() < 400 && c.redirectRequest() != null) {
      return redirectFailure(c.redirectRequest(), prepared, response);
    }
    return Optional.empty();
  }

  static List<Integer> allowedStatuses(CaseFile.Response response) {
    List<Integer> allowed = new ArrayList<>();
    if (response != null) {
      allowed.addAll(response.statusCodes());
      if (response.statusCode() != null
          && response.statusCode() != 0
          && !allowed.contains(response.statusCode())) {
        allowed.add(response.statusCode());
      }
    }
    return allowed.isEmpty() ? List.of(200) : allowed;
  }

  private static boolean timeout(int status) {
    return status == 408 || status == 504;
  }

  private static Optional<String> backendFailure(
      CaseFile.Case c, CaseRequests.Prepared prepared, EchoClient.Response response) {
    CaseFile.ExpectedRequest want = c.expectedRequest();
    String sentMethod = orGet(c.request().method());
    Optional<EchoClient.EchoedRequest> echoed = response.echoed();
    String gotMethod = echoed.map(EchoClient.EchoedRequest::method).orElse(sentMethod);
    String host = want != null ? want.host() : c.request().host();
    String method = orGet(want != null ? want.method() : c.request().method());
    String path = expectedPath(c, prepared);
    Map<String, String> headers = want != null ? want.headers() : c.request().headers();
    String gotHost = echoed.map(EchoClient.EchoedRequest::host).orElse("");
    String gotPath = echoed.map(EchoClient.EchoedRequest::path).orElse("");
    if (host != null && !host.isEmpty() && !host.equals(gotHost)) {
      return fail("expected host to be %s, got %s", host, gotHost);
    }
    if (!path.equals(gotPath)) {
      return fail("expected path to be %s, got %s", path, gotPath);
    }
    if (!method.equals(gotMethod)) {
      return fail("expected method to be %s, got %s", method, gotMethod);
    }
    String namespace = c.namespace() == null ? "" : c.namespace();
    String gotNamespace = echoed.map(EchoClient.EchoedRequest::namespace).orElse("");
    if (!namespace.equals(gotNamespace)) {
      return fail("expected namespace to be %s, got %s", namespace, gotNamespace);
    }
    if (!headers.isEmpty()) {
      if (echoed.isEmpty()) {
        return fail("no headers captured, expected %d", headers.size());
      }
      for (Map.Entry<String, String> header : headers.entrySet()) {
        Optional<String> got = echoed.get().header(header.getKey());
        if (got.isEmpty()) {
          return fail(
              "expected %s header to be set, actual headers: %s",
              header.getKey(), echoed.get().headers());
        }
        if (!got.get().equals(header.getValue())) {
          return fail(
              "expected %s header to be set to %s, got %s",
              header.getKey(), header.getValue(), got.get());
        }
      }
    }
    Optional<String> responseFailure = responseFailure(c.response(), response);
    if (responseFailure.isPresent()) {
      return responseFailure;
    }
    if (want != null) {
      for (String name : want.absentHeaders()) {
        Optional<String> got = echoed.flatMap(e -> e.header(name));
        if (got.isPresent()) {
          return fail("expected %s header to not be set, got %s", name, got.get());
        }
      }
    }
    String backend = c.backend() == null ? "" : c.backend();
    String pod = echoed.map(EchoClient.EchoedRequest::pod).orElse("");
    if (!pod.startsWith(backend)) {
      return fail("expected pod name to start with %s, got %s", backend, pod);
    }
    return Optional.empty();
  }

  /**
   * The path the backend must see: the expected request's (with {@code {uuid}} and the request id
   * filled in), else the path sent. An expected request without a path expects none, unless the
   * harness added the request id, which sets it to the path sent.
   */
  private static String expectedPath(CaseFile.Case c, CaseRequests.Prepared prepared) {
    CaseFile.ExpectedRequest want = c.expectedRequest();
    if (want == null) {
      return prepared.sentPath();
    }
    if (want.path() == null || want.path().isEmpty()) {
      return c.requestIdQueryParam() ? prepared.sentPath() : "";
    }
    return prepared.expectedPath();
  }

  private static Optional<String> responseFailure(
      CaseFile.Response want, EchoClient.Response response) {
    if (want == null) {
      return Optional.empty();
    }
    boolean squeeze = want.ignoreWhitespace();
    for (Map.Entry<String, List<String>> valid : want.validHeaderValues().entrySet()) {
      Optional<String> got = response.header(valid.getKey());
      if (got.isEmpty()) {
        return fail(
            "expected %s header to be set, actual headers: %s", valid.getKey(), response.headers());
      }
      String actual = squeeze(got.get(), squeeze);
      if (valid.getValue().stream().map(v -> squeeze(v, squeeze)).noneMatch(actual::equals)) {
        return fail(
            "expected %s header to be set to one of %s, got %s",
            valid.getKey(), valid.getValue(), got.get());
      }
    }
    for (Map.Entry<String, String> header : want.headers().entrySet()) {
      Optional<String> got = response.header(header.getKey());
      if (got.isEmpty()) {
        return fail(
            "expected %s header to be set, actual headers: %s",
            header.getKey(), response.headers());
      }
      if (!squeeze(got.get(), squeeze).equals(squeeze(header.getValue(), squeeze))) {
        return fail(
            "expected %s header to be set to %s, got %s",
            header.getKey(), header.getValue(), got.get());
      }
    }
    for (String name : want.absentHeaders()) {
      Optional<String> got = response.header(name);
      if (got.isPresent()) {
        return fail("expected %s header to not be set, got %s", name, got.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> redirectFailure(
      CaseFile.Redirect want, CaseRequests.Prepared prepared, EchoClient.Response response) {
    Optional<String> header = response.header("Location");
    if (header.isEmpty()) {
      return fail("a redirect without a Location header");
    }
    URI location;
    try {
      String sent = prepared.request().scheme() + "://" + prepared.request().host() + "/";
      location = new URI(sent).resolve(new URI(header.get()));
    } catch (URISyntaxException e) {
      return fail("Location %s is not a URL", header.get());
    }
    String scheme = location.getScheme() == null ? "" : location.getScheme();
    String host = location.getHost() == null ? "" : location.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String port = location.getPort() < 0 ? "" : String.valueOf(location.getPort());
    String path = location.getPath() == null ? "" : location.getPath();
    String wantHost = want.host() == null || want.host().isEmpty() ? host : want.host();
    String wantScheme =
        want.scheme() == null || want.scheme().isEmpty()
            ? prepared.request().scheme()
            : want.scheme();
    String sentPath = prepared.sentPath();
    String wantPath =
        want.path() == null || want.path().isEmpty()
            ? sentPath.contains("?") ? sentPath.substring(0, sentPath.indexOf('?')) : sentPath
            : want.path();
    if (!wantHost.equals(host)) {
      return fail("expected redirected hostname to be %s, got %s", wantHost, host);
    }
    if (want.port() == null || want.port().isEmpty()) {
      if (scheme.equalsIgnoreCase("http") && !port.equals("80") && !port.isEmpty()) {
        return fail("for http scheme, expected redirected port to be 80 or not set, got %s", port);
      }
      if (scheme.equalsIgnoreCase("https") && !port.equals("443") && !port.isEmpty()) {
        return fail(
            "for https scheme, expected redirected port to be 443 or not set, got %s", port);
      }
    } else if (!want.port().equals(port)) {
      return fail("expected redirected port to be %s, got %s", want.port(), port);
    }
    if (!wantScheme.equals(scheme)) {
      return fail("expected redirected scheme to be %s, got %s", wantScheme, scheme);
    }
    if (!wantPath.equals(path)) {
      return fail("expected redirected path to be %s, got %s", wantPath, path);
    }
    return Optional.empty();
  }

  private static String squeeze(String value, boolean squeeze) {
    return squeeze ? value.replace(" ", "") : value;
  }

  private static String orGet(String method) {
    return method == null || method.isEmpty() ? "GET" : method;
  }

  private static Optional<String> fail(String format, Object... args) {
    return Optional.of(String.format(format, args));
  }
}
