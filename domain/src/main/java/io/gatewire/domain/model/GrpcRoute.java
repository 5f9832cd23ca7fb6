package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/** A GRPCRoute: parents, hostnames and rules matching gRPC service, method and headers. */
public record GrpcRoute(
    ObjectMeta meta, List<ParentRef> parentRefs, List<String> hostnames, List<Rule> rules)
    implements Route {
  public GrpcRoute {
    parentRefs = List.copyOf(parentRefs);
    hostnames = List.copyOf(hostnames);
    rules = List.copyOf(rules);
  }

  /** One rule; an empty match list matches every request. */
  public record Rule(
      Optional<String> name,
      List<Match> matches,
      List<HttpFilter> filters,
      List<HttpBackendRef> backendRefs) {
    public Rule {
      name = name == null ? Optional.empty() : name;
      matches = List.copyOf(matches);
      filters = List.copyOf(filters);
      backendRefs = List.copyOf(backendRefs);
    }
  }

  /** A match on method (service and/or method name, Exact or RegularExpression) and headers. */
  public record Match(Optional<MethodMatch> method, List<HttpRouteMatch.HeaderMatch> headers) {
    public Match {
      method = method == null ? Optional.empty() : method;
      headers = List.copyOf(headers);
    }
  }

  /** A gRPC method match; at least one of service and method is set. */
  public record MethodMatch(
      HttpRouteMatch.StringMatchType type, Optional<String> service, Optional<String> method) {}
}
