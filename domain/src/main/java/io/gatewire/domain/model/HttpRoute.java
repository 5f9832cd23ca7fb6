package io.gatewire.domain.model;

import java.util.List;

/** An HTTPRoute: parents, hostnames and rules. */
public record HttpRoute(
    ObjectMeta meta, List<ParentRef> parentRefs, List<String> hostnames, List<HttpRouteRule> rules)
    implements Route {
  public HttpRoute {
    parentRefs = List.copyOf(parentRefs);
    hostnames = List.copyOf(hostnames);
    rules = List.copyOf(rules);
  }
}
