package io.gatewire.benchmarks.propagation;

import java.util.Objects;
import java.util.Optional;

/**
 * A request through Envoy's listener and the answer it should get.
 *
 * @param host the Host header
 * @param path the request path
 * @param variant the value of the {@code x-bench-variant} header the route matches on, if any
 * @param status the expected status
 * @param pod the echo server expected to answer a 200 (its {@code pod}), if any
 */
record Probe(String host, String path, Optional<String> variant, int status, Optional<String> pod) {
  Probe {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(pod, "pod");
  }

  /** The same request, expecting a 200 from {@code expectedPod}. */
  Probe answeredBy(String expectedPod) {
    return new Probe(host, path, variant, 200, Optional.of(expectedPod));
  }

  /** The same request, expecting a 404 (no route). */
  Probe notFound() {
    return new Probe(host, path, variant, 404, Optional.empty());
  }

  boolean isAnsweredBy(Answer answer) {
    return answer.status() == status && (pod.isEmpty() || pod.equals(answer.pod()));
  }

  /** What came back: the status and, for an echo server's answer, its pod. */
  record Answer(int status, Optional<String> pod) {}

  @Override
  public String toString() {
    return "GET http://"
        + host
        + path
        + variant.map(v -> " (x-bench-variant: " + v + ")").orElse("")
        + " -> "
        + status
        + pod.map(p -> " from " + p).orElse("");
  }
}
