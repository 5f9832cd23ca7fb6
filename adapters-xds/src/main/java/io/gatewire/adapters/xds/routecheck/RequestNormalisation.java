package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions.HeadersWithUnderscoresAction;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an HTTP connection manager does to a request before routing, as its configuration says and
 * in Envoy's order: a header name with {@code _} is rejected (400) or dropped ({@code
 * headers_with_underscores_action}); {@code %2F} and {@code %5C} in the path are kept, rejected
 * (400) or unescaped ({@code path_with_escaped_slashes_action}); the path is normalised as RFC 3986
 * says ({@code normalize_path}: dot segments, including escaped ones, are removed, escaped
 * unreserved characters decoded, characters a path may not hold escaped); {@code //} is merged
 * ({@code merge_slashes}); and when slashes were unescaped with {@code UNESCAPE_AND_REDIRECT}, the
 * client is sent a 307 to the normalised path instead. The query string is left as it is.
 */
final class RequestNormalisation {
  private static final Pattern ESCAPED_SLASH = Pattern.compile("%(2[fF]|5[cC])");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");
  private static final String HEX = "0123456789ABCDEF";

  /** The request to route, or Envoy's own answer (status, and a Location for a redirect). */
  record Result(RouteRequest request, int status, String location, String note) {
    Optional<RouteRequest> routed() {
      return status == 0 ? Optional.of(request) : Optional.empty();
    }
  }

  private RequestNormalisation() {}

  static Result apply(HttpConnectionManager hcm, RouteRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    HeadersWithUnderscoresAction underscores =
        hcm.getCommonHttpProtocolOptions().getHeadersWithUnderscoresAction();
    for (String name : List.copyOf(headers.keySet())) {
      if (!name.contains("_")) {
        continue;
      }
      if (underscores == HeadersWithUnderscoresAction.REJECT_REQUEST) {
        return new Result(
            request, 400, null, "header " + name + " has an underscore: rejected with 400");
      }
      if (underscores == HeadersWithUnderscoresAction.DROP_HEADER) {
        headers.remove(name);
      }
    }
    String pathWithQuery = request.path();
    int query = pathWithQuery.indexOf('?');
    String path = query < 0 ? pathWithQuery : pathWithQuery.substring(0, query);
    String rest = query < 0 ? "" : pathWithQuery.substring(query);
    boolean escapedSlashes = ESCAPED_SLASH.matcher(path).find();
    PathWithEscapedSlashesAction action = hcm.getPathWithEscapedSlashesAction();
    boolean unescape =
        action == PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT
            || action == PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD;
    if (escapedSlashes && action == PathWithEscapedSlashesAction.REJECT_REQUEST) {
      return new Result(request, 400, null, "the path has an escaped slash: rejected with 400");
    }
    if (escapedSlashes && unescape) {
      path = path.replaceAll("%2[fF]", "/").replaceAll("%5[cC]", "\\\\");
    }
    if (hcm.hasNormalizePath() && hcm.getNormalizePath().getValue()) {
      Optional<String> canonical = canonical(path);
      if (canonical.isEmpty()) {
        return new Result(request, 400, null, "the path cannot be normalised: rejected with 400");
      }
      path = canonical.get();
    }
    if (hcm.getMergeSlashes()) {
      path = SLASHES.matcher(path).replaceAll("/");
    }
    String normalised = path + rest;
    if (escapedSlashes && action == PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT) {
      return new Result(
          request,
          307,
          normalised,
          "the path has an escaped slash: redirected to the unescaped path");
    }
    List<String> notes = new ArrayList<>();
    if (!normalised.equals(request.path())) {
      notes.add("path normalised to " + normalised);
    }
    if (headers.size() != request.headers().size()) {
      notes.add("headers with an underscore dropped");
    }
    return new Result(
        new RouteRequest(
            request.gateway(),
            request.port(),
            request.scheme(),
            request.serverName(),
            request.host(),
            request.method(),
            normalised,
            headers,
            request.backendResponseHeaders()),
        0,
        null,
        String.join("; ", notes));
  }

  /**
   * The path as Envoy's RFC 3986 normalisation writes it: {@code \} is a slash, escaped unreserved
   * characters are decoded, characters a path may not hold are escaped, and {@code .} and {@code
   * ..} segments (written plainly or escaped) are removed, never above the root. Empty when the
   * path does not start with {@code /}.
   */
  static Optional<String> canonical(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    boolean trailingSlash = false;
    for (int i = 1; i <= path.length(); i++) {
      char c = i < path.length() ? path.charAt(i) : '/';
      if (c == '/' || c == '\\') {
        String written = segment.toString();
        segment.setLength(0);
        boolean last = i >= path.length() - 1;
        if (written.equals(".")) {
          trailingSlash = last;
        } else if (written.equals("..")) {
          if (!segments.isEmpty()) {
            segments.remove(segments.size() - 1);
          }
          trailingSlash = last;
        } else {
          segments.add(written);
          trailingSlash = false;
        }
        continue;
      }
      if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2))) {
        char decoded = (char) Integer.parseInt(path.substring(i + 1, i + 3), 16);
        if (unreserved(decoded)) {
          segment.append(decoded);
        } else {
          segment.append(path, i, i + 3);
        }
        i += 2;
      } else if (c < 0x21 || c >= 0x7f || "\"<>`{}".indexOf(c) >= 0) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          segment.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
        }
      } else {
        segment.append(c);
      }
    }
    String joined = "/" + String.join("/", segments);
    if (trailingSlash && !joined.endsWith("/")) {
      joined = joined + "/";
    }
    return Optional.of(joined);
  }

  private static boolean hex(char c) {
    return HEX.indexOf(Character.toUpperCase(c)) >= 0;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
