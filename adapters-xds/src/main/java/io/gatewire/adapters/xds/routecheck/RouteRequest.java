package io.gatewire.adapters.xds.routecheck;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request sent to a Gateway: which Gateway ({@code namespace/name}) and port, the scheme
 * and TLS server name (null: no SNI), the Host header, method, path (with query) and headers.
 * {@code backendResponseHeaders} are headers the echo backend is asked to add to its answer.
 */
public record RouteRequest(
    String gateway,
    int port,
    String scheme,
    String serverName,
    String host,
    String method,
    String path,
    Map<String, List<String>> headers,
    Map<String, String> backendResponseHeaders) {
  public RouteRequest {
    Objects.requireNonNull(gateway, "gateway");
    scheme = scheme == null || scheme.isEmpty() ? "http" : scheme;
    method = method == null || method.isEmpty() ? "GET" : method;
    path = path == null || path.isEmpty() ? "/" : path;
    host = host == null ? "" : host;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    backendResponseHeaders =
        backendResponseHeaders == null ? Map.of() : Map.copyOf(backendResponseHeaders);
  }
}
