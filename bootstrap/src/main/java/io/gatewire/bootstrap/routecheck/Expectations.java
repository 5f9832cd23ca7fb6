package io.gatewire.bootstrap.routecheck;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges an outcome against a case the way the conformance harness reads it (README of the data):
 * every possible answer (share above 0) must pass, because the harness may get any of them.
 *
 * <ul>
 *   <li>Allowed statuses are {@code statusCodes} plus {@code statusCode}, {@code [200]} if neither.
 *   <li>On 200/204 only: {@code backend} (the Service name) and {@code namespace}; the request the
 *       backend received ({@code expectedRequest} field by field, method defaulting to GET, host
 *       only if set; without it, the request as sent; when Envoy answered itself, the harness sees
 *       only the method it sent); response headers, valid header values and absent headers (names
 *       case-insensitive, repeated values joined with {@code ,}).
 *   <li>On 3xx only: {@code redirectRequest}; a missing scheme or path is the request's, a missing
 *       host accepts any, a missing port accepts none or the scheme's default port.
 *   <li>{@code mirroredTo}: exactly these Services get a copy, at these percentages (missing: 100).
 *   <li>{@code expectedWeights}: the backends' shares, normalised, equal the expected ones exactly
 *       (0.0: the backend gets nothing).
 * </ul>
 *
 * <p>Longer than most classes: one method per expectation field above, in the order the list gives.
 */
public final class Expectations {
  private static final double EPSILON = 1e-9;

  private Expectations() {}

  public static List<String> failures(
      CaseFile.Case c, CaseRequests.Prepared prepared, RouteOutcome outcome) {
    Set<String> failures = new LinkedHashSet<>();
    List<Integer> allowed = allowedStatuses(c.response());
    for (Answer answer : outcome.answers()) {
      if (answer.share() <= 0) {
        continue;
      }
      String who =
          outcome.answers().size() > 1
              ? " (share " + share(answer.share()) + " " + label(answer) + ")"
              : "";
      if (!allowed.contains(answer.status())) {
        failures.add(
            "status "
                + answer.status()
                + who
                + ", expected "
                + (allowed.size() == 1 ? allowed.get(0) : "one of " + allowed));
        continue;
      }
      if (answer.status() == 200 || answer.status() == 204) {
        backendFailures(c, answer, who, failures);
        requestFailures(c, prepared, answer, who, failures);
        responseFailures(c.response(), answer, who, failures);
      }
      if (answer.status() >= 300 && answer.status() < 400 && c.redirectRequest() != null) {
        redirectFailures(c.redirectRequest(), prepared, answer, who, failures);
      }
    }
    mirrorFailures(c, outcome, failures);
    weightFailures(c, outcome, failures);
    return List.copyOf(failures);
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

  private static void backendFailures(
      CaseFile.Case c, Answer answer, String who, Set<String> failures) {
    boolean wantsBackend = c.backend() != null && !c.backend().isEmpty();
    boolean wantsNamespace = c.namespace() != null && !c.namespace().isEmpty();
    if ((wantsBackend || wantsNamespace) && answer.backend() == null) {
      failures.add("answered by Envoy, not by a backend" + who + ", expected " + expected(c));
      return;
    }
    if (wantsBackend && !answer.backend().name().equals(c.backend())
        || wantsNamespace && !answer.backend().namespace().equals(c.namespace())) {
      failures.add(
          "backend "
              + answer.backend().namespace()
              + "/"
              + answer.backend().name()
              + who
              + ", expected "
              + expected(c));
    }
  }

  private static String expected(CaseFile.Case c) {
    return (c.namespace() == null || c.namespace().isEmpty() ? "*" : c.namespace())
        + "/"
        + (c.backend() == null || c.backend().isEmpty() ? "*" : c.backend());
  }

  private static void requestFailures(
      CaseFile.Case c,
      CaseRequests.Prepared prepared,
      Answer answer,
      String who,
      Set<String> failures) {
    RouteOutcome.ReceivedRequest got = answer.received();
    if (got == null) {
      envoyAnswerFailures(c, who, failures);
      return;
    }
    CaseFile.ExpectedRequest want = c.expectedRequest();
    String method = want != null ? want.method() : c.request().method();
    method = method == null || method.isEmpty() ? "GET" : method;
    String host = want != null ? want.host() : c.request().host();
    String path = want != null ? prepared.expectedPath() : prepared.sentPath();
    Map<String, String> headers = want != null ? want.headers() : c.request().headers();
    if (!method.equals(got.method())) {
      failures.add("backend got method " + got.method() + who + ", expected " + method);
    }
    if (host != null && !host.isEmpty() && !host.equals(got.host())) {
      failures.add("backend got host " + got.host() + who + ", expected " + host);
    }
    String wantPath = path == null || path.isEmpty() ? "/" : path;
    if (!wantPath.equals(got.path())) {
      failures.add("backend got path " + got.path() + who + ", expected " + wantPath);
    }
    headers.forEach(
        (name, value) -> {
          String actual = joined(got.headers(), name);
          if (!value.equals(actual)) {
            failures.add(
                "backend got header "
                    + name
                    + ": "
                    + (actual == null ? "(absent)" : actual)
                    + who
                    + ", expected "
                    + value);
          }
        });
    if (want != null) {
      want.absentHeaders().stream()
          .filter(name -> joined(got.headers(), name) != null)
          .forEach(
              name ->
                  failures.add(
                      "backend got header "
                          + name
                          + ": "
                          + joined(got.headers(), name)
                          + who
                          + ", expected it absent"));
    }
  }

  /**
   * Envoy answered 200/204 itself (for example a CORS preflight), so there is no echoed request:
   * the harness then takes the captured request to be the method it sent and nothing else, and
   * compares the expected request ({@code expectedRequest}, else the request as sent) with that.
   * Only an expected request with the sent method and no host, path or headers holds.
   */
  private static void envoyAnswerFailures(CaseFile.Case c, String who, Set<String> failures) {
    CaseFile.ExpectedRequest want = c.expectedRequest();
    String sent = orGet(c.request().method());
    String method = want != null ? orGet(want.method()) : sent;
    String host = want != null ? want.host() : c.request().host();
    String path = want != null ? want.path() : c.request().path();
    Map<String, String> headers = want != null ? want.headers() : c.request().headers();
    String prefix = "answered by Envoy, no backend echoed the request" + who;
    if (!method.equals(sent)) {
      failures.add(prefix + ": the harness assumes method " + sent + ", expected " + method);
    }
    if (host != null && !host.isEmpty()) {
      failures.add(prefix + ": no host, expected " + host);
    }
    if (path != null && !path.isEmpty()) {
      failures.add(prefix + ": no path, expected " + path);
    }
    if (!headers.isEmpty()) {
      failures.add(prefix + ": no headers, expected " + new TreeMap<>(headers));
    }
  }

  private static String orGet(String method) {
    return method == null || method.isEmpty() ? "GET" : method;
  }

  private static void responseFailures(
      CaseFile.Response response, Answer answer, String who, Set<String> failures) {
    if (response == null) {
      return;
    }
    boolean squeeze = response.ignoreWhitespace();
    response
        .headers()
        .forEach(
            (name, value) -> {
              String actual = joined(answer.responseHeaders(), name);
              if (actual == null || !normal(value, squeeze).equals(normal(actual, squeeze))) {
                failures.add(
                    "response header "
                        + name
                        + ": "
                        + (actual == null ? "(absent)" : actual)
                        + who
                        + ", expected "
                        + value);
              }
            });
    response
        .validHeaderValues()
        .forEach(
            (name, values) -> {
              String actual = joined(answer.responseHeaders(), name);
              if (actual == null
                  || values.stream()
                      .noneMatch(v -> normal(v, squeeze).equals(normal(actual, squeeze)))) {
                failures.add(
                    "response header "
                        + name
                        + ": "
                        + (actual == null ? "(absent)" : actual)
                        + who
                        + ", expected one of "
                        + values);
              }
            });
    response.absentHeaders().stream()
        .filter(name -> joined(answer.responseHeaders(), name) != null)
        .forEach(
            name ->
                failures.add(
                    "response header "
                        + name
                        + ": "
                        + joined(answer.responseHeaders(), name)
                        + who
                        + ", expected it absent"));
  }

  private static void redirectFailures(
      CaseFile.Redirect want,
      CaseRequests.Prepared prepared,
      Answer answer,
      String who,
      Set<String> failures) {
    if (answer.location() == null) {
      failures.add("no Location header" + who);
      return;
    }
    URI location;
    try {
      location = new URI(answer.location());
    } catch (URISyntaxException e) {
      failures.add("Location " + answer.location() + " is not a URL" + who);
      return;
    }
    String scheme =
        want.scheme() != null && !want.scheme().isEmpty()
            ? want.scheme()
            : prepared.request().scheme();
    if (!scheme.equalsIgnoreCase(location.getScheme())) {
      failures.add("redirect scheme " + location.getScheme() + who + ", expected " + scheme);
    }
    if (want.host() != null
        && !want.host().isEmpty()
        && !want.host().equalsIgnoreCase(location.getHost())) {
      failures.add("redirect host " + location.getHost() + who + ", expected " + want.host());
    }
    String port = location.getPort() < 0 ? "" : String.valueOf(location.getPort());
    if (want.port() != null && !want.port().isEmpty()) {
      if (!want.port().equals(port)) {
        failures.add(
            "redirect port "
                + (port.isEmpty() ? "(none)" : port)
                + who
                + ", expected "
                + want.port());
      }
    } else {
      String defaultPort = scheme.equalsIgnoreCase("https") ? "443" : "80";
      if (!port.isEmpty() && !port.equals(defaultPort)) {
        failures.add("redirect port " + port + who + ", expected none or " + defaultPort);
      }
    }
    String path = want.path() != null && !want.path().isEmpty() ? want.path() : prepared.sentPath();
    String wantPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (!wantPath.equals(location.getRawPath())) {
      failures.add("redirect path " + location.getRawPath() + who + ", expected " + wantPath);
    }
  }

  private static void mirrorFailures(CaseFile.Case c, RouteOutcome outcome, Set<String> failures) {
    if (c.mirroredTo().isEmpty()) {
      return;
    }
    Map<String, Double> want = new TreeMap<>();
    c.mirroredTo()
        .forEach(
            m -> want.put(m.namespace() + "/" + m.name(), m.percent() == 0 ? 100.0 : m.percent()));
    Map<String, Double> got = new TreeMap<>();
    outcome
        .mirrors()
        .forEach(
            m ->
                m.backends()
                    .forEach(
                        b -> got.merge(b.namespace() + "/" + b.name(), m.percent(), Double::sum)));
    if (!sameShares(want, got)) {
      failures.add("mirrors " + percents(got) + ", expected " + percents(want));
    }
  }

  private static void weightFailures(CaseFile.Case c, RouteOutcome outcome, Set<String> failures) {
    if (c.expectedWeights().isEmpty()) {
      return;
    }
    Map<String, Double> want = normalised(c.expectedWeights());
    Map<String, Double> got = new TreeMap<>();
    outcome
        .answers()
        .forEach(
            a ->
                got.merge(
                    a.backend() == null ? "(status " + a.status() + ")" : a.backend().name(),
                    a.share(),
                    Double::sum));
    Map<String, Double> gotNormal = normalised(got);
    if (!sameShares(want, gotNormal)) {
      failures.add("weights " + shares(gotNormal) + ", expected " + shares(want));
    }
  }

  private static Map<String, Double> normalised(Map<String, Double> weights) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> result = new TreeMap<>();
    weights.forEach(
        (k, v) -> {
          if (v > 0) {
            result.put(k, total == 0 ? 0 : v / total);
          }
        });
    return result;
  }

  private static boolean sameShares(Map<String, Double> want, Map<String, Double> got) {
    if (!want.keySet().equals(got.keySet())) {
      return false;
    }
    return want.entrySet().stream()
        .allMatch(e -> Math.abs(e.getValue() - got.get(e.getKey())) < EPSILON);
  }

  private static String shares(Map<String, Double> shares) {
    return shares.entrySet().stream()
        .map(e -> e.getKey() + "=" + share(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String percents(Map<String, Double> percents) {
    return percents.entrySet().stream()
        .map(e -> e.getKey() + " " + share(e.getValue()) + "%")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String share(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  static String label(Answer answer) {
    return answer.backend() != null ? answer.backend().toString() : "cluster " + answer.cluster();
  }

  private static String joined(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return String.join(",", e.getValue());
      }
    }
    return null;
  }

  private static String normal(String value, boolean squeeze) {
    return squeeze ? value.replaceAll("\\s+", "") : value;
  }
}
