package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The HTTPRoute filters Gatewire understands, and a marker for those it does not. */
public sealed interface HttpFilter {

  /** RequestHeaderModifier or ResponseHeaderModifier. */
  record HeaderModifier(boolean request, List<Header> set, List<Header> add, List<String> remove)
      implements HttpFilter {
    public HeaderModifier {
      set = List.copyOf(set);
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }
  }

  /** RequestRedirect. */
  record RequestRedirect(
      Optional<String> scheme,
      Optional<String> hostname,
      Optional<PathModifier> path,
      OptionalInt port,
      int statusCode)
      implements HttpFilter {}

  /** URLRewrite. */
  record UrlRewrite(Optional<String> hostname, Optional<PathModifier> path) implements HttpFilter {}

  /** RequestMirror to one backend, optionally a percentage of requests. */
  record RequestMirror(BackendRef backend, Optional<Double> percent) implements HttpFilter {}

  /**
   * CORS: allowed origins (exact, {@code *}, or with a {@code *} wildcard), methods, request
   * headers and exposed response headers as written, whether credentials are allowed, and the
   * preflight cache time in seconds.
   */
  record Cors(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      boolean allowCredentials,
      int maxAge)
      implements HttpFilter {
    public Cors {
      allowOrigins = List.copyOf(allowOrigins);
      allowMethods = List.copyOf(allowMethods);
      allowHeaders = List.copyOf(allowHeaders);
      exposeHeaders = List.copyOf(exposeHeaders);
    }
  }

  /** An ExtensionRef filter: Gatewire resolves no extension kinds, so its requests get 500. */
  record ExtensionRef(String group, String kind, String name) implements HttpFilter {}

  /** A filter type Gatewire does not implement (ExternalAuth, ...): named for status. */
  record Unsupported(String type) implements HttpFilter {}

  /** A header name and value. */
  record Header(String name, String value) {}

  /** ReplaceFullPath or ReplacePrefixMatch. */
  record PathModifier(boolean fullPath, String value) {}
}
