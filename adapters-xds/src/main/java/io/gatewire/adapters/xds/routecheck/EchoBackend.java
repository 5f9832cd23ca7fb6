package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backend that answers, modelled on the Gateway API conformance echo server, together with
 * Envoy's timeout and retry handling around it.
 *
 * <p>The backend answers 200 and echoes the request it received. Query parameter {@code delay=<Go
 * duration>} makes every attempt take that long; {@code responseCode=N} with {@code succeedAfter=K}
 * makes it answer {@code N} to the first {@code K} attempts of the request and 200 afterwards
 * ({@code responseCode} alone: always {@code N}).
 *
 * <p>Envoy: an attempt slower than the per-try timeout ends in 504; the request ends in 504 once
 * the route timeout (default 15s; 0 disables it) has passed. A failed attempt is retried when the
 * retry policy's {@code retry_on} covers it ({@code 5xx}, {@code gateway-error}, {@code
 * retriable-status-codes}), at most {@code num_retries} (default 1) times; back-off time is not
 * counted.
 */
final class EchoBackend {
  /** Envoy's route timeout when the route sets none. */
  static final Duration DEFAULT_ROUTE_TIMEOUT = Duration.ofSeconds(15);

  private EchoBackend() {}

  /** The final status and the number of attempts the backend saw. */
  record Result(int status, int attempts) {}

  /** Runs the request against the backend: {@code timeout} null means Envoy's default. */
  static Result answer(String pathWithQuery, Duration timeout, RetryPolicy retry) {
    Duration delay = parseDuration(RouteMatching.queryParam(pathWithQuery, "delay"));
    int failCode = parseInt(RouteMatching.queryParam(pathWithQuery, "responseCode"), 200);
    String succeedAfterParam = RouteMatching.queryParam(pathWithQuery, "succeedAfter");
    int succeedAfter =
        succeedAfterParam == null ? Integer.MAX_VALUE : parseInt(succeedAfterParam, 0);
    Duration routeTimeout = timeout == null ? DEFAULT_ROUTE_TIMEOUT : timeout;
    Duration perTry =
        retry != null && retry.hasPerTryTimeout()
            ? toDuration(retry.getPerTryTimeout())
            : Duration.ZERO;
    int maxRetries =
        retry == null || retry.getRetryOn().isEmpty()
            ? 0
            : retry.hasNumRetries() ? retry.getNumRetries().getValue() : 1;
    Duration elapsed = Duration.ZERO;
    int attempt = 0;
    while (true) {
      attempt++;
      int status;
      if (!perTry.isZero() && delay.compareTo(perTry) > 0) {
        elapsed = elapsed.plus(perTry);
        status = 504;
      } else {
        elapsed = elapsed.plus(delay);
        status = attempt <= succeedAfter ? failCode : 200;
      }
      if (!routeTimeout.isZero() && elapsed.compareTo(routeTimeout) > 0) {
        return new Result(504, attempt);
      }
      if (status < 500 || attempt > maxRetries || !retriable(retry, status)) {
        return new Result(status, attempt);
      }
    }
  }

  static boolean retriable(RetryPolicy retry, int status) {
    Set<String> on =
        Arrays.stream(retry.getRetryOn().split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return on.contains("5xx") && status >= 500
        || on.contains("gateway-error") && (status == 502 || status == 503 || status == 504)
        || on.contains("retriable-status-codes")
            && retry.getRetriableStatusCodesList().contains(status);
  }

  static Duration toDuration(com.google.protobuf.Duration d) {
    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  /** A Go duration such as {@code 1s}, {@code 500ms}, {@code 1m30s}; null or unparsable: zero. */
  static Duration parseDuration(String text) {
    if (text == null || text.isEmpty()) {
      return Duration.ZERO;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)").matcher(text);
    double nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double n = Double.parseDouble(m.group(1));
      switch (m.group(2)) {
        case "h":
          nanos += n * 3.6e12;
          break;
        case "m":
          nanos += n * 6e10;
          break;
        case "s":
          nanos += n * 1e9;
          break;
        case "ms":
          nanos += n * 1e6;
          break;
        case "ns":
          nanos += n;
          break;
        default:
          nanos += n * 1e3;
      }
      end = m.end();
    }
    return end == text.length() ? Duration.ofNanos((long) nanos) : Duration.ZERO;
  }

  private static int parseInt(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
