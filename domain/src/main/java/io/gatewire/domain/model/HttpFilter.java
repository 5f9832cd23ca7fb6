package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The HTTPRoute filters Gatewire understands, and a marker for those it does not. */
public sealed interface HttpFilter {

  /** RequestHeaderModifier or ResponseHeaderModifier. */
  record HeaderModifier(boolean request, List<Header> set, List<Header> add, List<String> remove) implements HttpFilter {
    public HeaderModifier {
      set = List.copyOf(set);
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }
  }

  /** RequestRedirect. */
  record RequestRedirect(Optional<String> scheme, Optional<String> hostname, Optional<PathModifier> path,
      OptionalInt port, int statusCode) implements HttpFilter {}

  /** URLRewrite. */
  record UrlRewrite(Optional<String> hostname, Optional<PathModifier> path) implements HttpFilter {}

  /** RequestMirror to one backend, optionally a percentage of requests. */
  record RequestMirror(BackendRef backend, Optional<Double> percent) implements HttpFilter {}

  /** An ExtensionRef filter: Gatewire resolves no extension kinds, so its requests get 500. */
  record ExtensionRef(String group, String kind, String name) implements HttpFilter {}

  /** A filter type Gatewire does not implement (CORS, ...): named for status. */
  record Unsupported(String type) implements HttpFilter {}

  /** A header name and value. */
  record Header(String name, String value) {}

  /** ReplaceFullPath or ReplacePrefixMatch. */
  record PathModifier(boolean fullPath, String value) {}
}
