package io.gatewire.bootstrap.envoy;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import io.gatewire.testkit.echo.EchoClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether route-check's prediction for a request agrees with what a real Envoy did with it. Envoy's
 * answer must be one of the predicted answers (share above 0), the same in every point both can
 * show:
 *
 * <ul>
 *   <li>the status (0 on both sides: no HTTP answer at all);
 *   <li>who answered: an echoed request means a backend did, and its Pod must be an endpoint of the
 *       Service route-check names ({@link ServicePods}); an answer that is not an echo is Envoy's
 *       own or a backend's error, and must not be predicted as an echo;
 *   <li>the request the backend saw: method, host, path, and every header route-check says it gets,
 *       plus the names the caller adds (those the case mentions), present or absent alike;
 *   <li>a redirect's {@code Location}, character for character;
 *   <li>the response headers route-check predicts, plus the names the caller adds.
 * </ul>
 */
public final class RouteCheckAgreement {
  private RouteCheckAgreement() {}

  /** Empty when they agree; else why Envoy's answer matches none of the predicted ones. */
  public static Optional<String> disagreement(
      RouteOutcome predicted,
      EchoClient.Response actual,
      ServicePods pods,
      Collection<String> requestHeaders,
      Collection<String> responseHeaders) {
    List<String> misses = new ArrayList<>();
    for (Answer answer : predicted.answers()) {
      if (answer.share() <= 0) {
        continue;
      }
      List<String> differences = differences(answer, actual, pods, requestHeaders, responseHeaders);
      if (differences.isEmpty()) {
        return Optional.empty();
      }
      misses.add(label(answer) + ": " + String.join("; ", differences));
    }
    return Optional.of(
        "Envoy answered "
            + describe(actual)
            + ", route-check predicted "
            + (misses.isEmpty() ? "no answer" : String.join(" | ", misses)));
  }

  private static List<String> differences(
      Answer answer,
      EchoClient.Response actual,
      ServicePods pods,
      Collection<String> requestHeaders,
      Collection<String> responseHeaders) {
    List<String> differences = new ArrayList<>();
    if (answer.status() != actual.status()) {
      differences.add("status " + answer.status());
      return differences;
    }
    Optional<EchoClient.EchoedRequest> echoed = actual.echoed();
    if (echoed.isPresent()) {
      EchoClient.EchoedRequest seen = echoed.get();
      if (answer.backend() == null || answer.received() == null) {
        differences.add("an answer of Envoy's own, not a backend's");
        return differences;
      }
      if (!pods.backs(
          answer.backend().namespace(), answer.backend().name(), seen.namespace(), seen.pod())) {
        differences.add(
            "backend "
                + answer.backend()
                + " (Pod "
                + seen.namespace()
                + "/"
                + seen.pod()
                + " is not one of its endpoints)");
      }
      RouteOutcome.ReceivedRequest received = answer.received();
      compare(differences, "method", received.method(), seen.method());
      compare(differences, "host", received.host(), seen.host());
      compare(differences, "path", received.path(), seen.path());
      TreeSet<String> names = lowerCase(received.headers().keySet());
      names.addAll(lowerCase(requestHeaders));
      for (String name : names) {
        compare(
            differences,
            "request header " + name,
            joined(received.headers(), name),
            seen.header(name).orElse(null));
      }
    } else if (answer.received() != null && answer.status() >= 200 && answer.status() < 300) {
      differences.add("an echo from backend " + answer.backend());
      return differences;
    }
    if (actual.status() >= 300 && actual.status() < 400) {
      compare(differences, "Location", answer.location(), actual.header("Location").orElse(null));
    }
    TreeSet<String> names = lowerCase(answer.responseHeaders().keySet());
    names.addAll(lowerCase(responseHeaders));
    for (String name : names) {
      compare(
          differences,
          "response header " + name,
          joined(answer.responseHeaders(), name),
          actual.header(name).orElse(null));
    }
    return differences;
  }

  private static void compare(
      List<String> differences, String what, String predicted, String actual) {
    if (predicted == null ? actual != null : !predicted.equals(actual)) {
      differences.add(what + " " + shown(predicted) + " (Envoy: " + shown(actual) + ")");
    }
  }

  private static String shown(String value) {
    return value == null ? "absent" : "'" + value + "'";
  }

  private static String joined(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> String.join(",", e.getValue()))
        .findFirst()
        .orElse(null);
  }

  private static TreeSet<String> lowerCase(Collection<String> names) {
    return names.stream()
        .map(n -> n.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String label(Answer answer) {
    return answer.status()
        + (answer.backend() != null ? " from " + answer.backend() : " from Envoy")
        + (answer.share() < 1 ? " (share " + answer.share() + ")" : "");
  }

  /** Envoy's answer in a few words. */
  public static String describe(EchoClient.Response actual) {
    if (actual.status() == 0) {
      return "nothing (" + actual.error() + ")";
    }
    return actual.status()
        + actual
            .echoed()
            .map(
                e ->
                    " from Pod "
                        + e.namespace()
                        + "/"
                        + e.pod()
                        + " (path "
                        + e.path()
                        + ", host "
                        + e.host()
                        + ")")
            .orElse("")
        + actual.header("Location").map(l -> " Location " + l).orElse("");
  }
}
