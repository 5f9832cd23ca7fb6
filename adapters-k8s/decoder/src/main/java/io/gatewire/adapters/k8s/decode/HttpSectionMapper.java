package io.gatewire.adapters.k8s.decode;

import io.gatewire.domain.settings.HttpSettings;
import io.gatewire.domain.settings.HttpSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code http} section of a ProxySettings: every field optional; a field that is set must be
 * valid on its own (one of its values, a Gateway API duration, a number in range).
 */
final class HttpSectionMapper {
  private HttpSectionMapper() {}

  static HttpSpec http(ProxySettingsResource.Http http, FieldPath path) {
    return new HttpSpec(
        http.normalizePath(),
        http.mergeSlashes(),
        choice(
            http.escapedSlashes(), path.field("escapedSlashes"), HttpSettings.EscapedSlashes.class),
        choice(
            http.headersWithUnderscores(),
            path.field("headersWithUnderscores"),
            HttpSettings.HeadersWithUnderscores.class),
        http.useRemoteAddress(),
        atLeast(http.xffNumTrustedHops(), 0, path.field("xffNumTrustedHops")),
        inRange(
            http.maxRequestHeadersKb(),
            1,
            HttpSettings.HIGHEST_MAX_REQUEST_HEADERS_KB,
            path.field("maxRequestHeadersKb")),
        duration(http.requestHeadersTimeout(), path.field("requestHeadersTimeout")),
        duration(http.connectionIdleTimeout(), path.field("connectionIdleTimeout")),
        duration(http.streamIdleTimeout(), path.field("streamIdleTimeout")),
        atLeast(http.maxRequestsPerConnection(), 0, path.field("maxRequestsPerConnection")),
        choice(http.serverHeader(), path.field("serverHeader"), HttpSettings.ServerHeader.class),
        choice(http.webSockets(), path.field("webSockets"), HttpSettings.WebSockets.class));
  }

  private static <E extends Enum<E>> E choice(String value, FieldPath path, Class<E> type) {
    if (value == null) {
      return null;
    }
    Map<String, E> allowed =
        Arrays.stream(type.getEnumConstants())
            .collect(Collectors.toMap(HttpSettings::apiName, Function.identity()));
    return Fields.oneOf(value, path, allowed);
  }

  private static String duration(String value, FieldPath path) {
    if (value != null) {
      HttpSettings.durationProblem(value)
          .ifPresent(
              problem -> {
                throw new InvalidFieldException(path, problem);
              });
    }
    return value;
  }

  private static Integer atLeast(Integer value, int lowest, FieldPath path) {
    if (value != null && value < lowest) {
      throw new InvalidFieldException(path, "must be at least " + lowest + ", not " + value);
    }
    return value;
  }

  private static Integer inRange(Integer value, int lowest, int highest, FieldPath path) {
    if (value != null && (value < lowest || value > highest)) {
      throw new InvalidFieldException(
          path, "must be from " + lowest + " to " + highest + ", not " + value);
    }
    return value;
  }
}
