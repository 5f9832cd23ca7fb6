package io.gatewire.domain.translate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks the HTTPRoute CRD makes on Exact and PathPrefix path values (an absolute path of URI
 * path characters and percent escapes, without {@code //}, dot segments, an encoded slash or a
 * fragment), repeated here because manifests read from files never met the API server; Envoy
 * refuses such a path in a route match. gRPC service and method names become paths and meet the
 * same check.
 */
final class PathCheck {
  private static final Pattern PATH =
      Pattern.compile("/(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*");
  private static final List<String> FORBIDDEN = List.of("//", "/./", "/../", "%2f", "%2F", "#");

  private PathCheck() {}

  /** What is wrong with the Exact or PathPrefix {@code path}, if anything. */
  static Optional<String> problem(String path) {
    if (!PATH.matcher(path).matches()) {
      return Optional.of("path \"" + path + "\" is not an absolute path of URI path characters");
    }
    for (String part : FORBIDDEN) {
      if (path.contains(part)) {
        return Optional.of("path \"" + path + "\" must not contain " + part);
      }
    }
    if (path.endsWith("/..") || path.endsWith("/.")) {
      return Optional.of("path \"" + path + "\" must not end with a dot segment");
    }
    return Optional.empty();
  }
}
