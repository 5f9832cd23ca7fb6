package io.gatewire.domain.explain;

import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.Route;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rules of any route kind, the same way: name, matches (as text) and backendRefs. */
final class RouteRules {
  record Rule(Optional<String> name, String matches, List<BackendRef> backendRefs) {}

  private RouteRules() {}

  static List<Rule> of(Route route) {
    if (route instanceof HttpRoute http) {
      return http.rules().stream()
          .map(
              r ->
                  new Rule(
                      r.name(),
                      r.matches().stream()
                          .map(RouteRules::match)
                          .collect(Collectors.joining(" or ")),
                      r.backendRefs().stream().map(HttpBackendRef::ref).toList()))
          .toList();
    }
    if (route instanceof GrpcRoute grpc) {
      return grpc.rules().stream()
          .map(
              r ->
                  new Rule(
                      r.name(),
                      r.matches().stream()
                          .map(
                              m ->
                                  m.method()
                                      .map(
                                          method ->
                                              method.service().orElse("*")
                                                  + "/"
                                                  + method.method().orElse("*"))
                                      .orElse("any method"))
                          .collect(Collectors.joining(" or ")),
                      r.backendRefs().stream().map(HttpBackendRef::ref).toList()))
          .toList();
    }
    return ((L4Route) route)
        .rules().stream().map(r -> new Rule(r.name(), "", r.backendRefs())).toList();
  }

  private static String match(HttpRouteMatch match) {
    String path =
        switch (match.path().type()) {
              case EXACT -> "Exact ";
              case PATH_PREFIX -> "PathPrefix ";
              case REGULAR_EXPRESSION -> "RegularExpression ";
            }
            + match.path().value();
    StringBuilder text = new StringBuilder(path);
    match.method().ifPresent(m -> text.append(" method ").append(m));
    match
        .headers()
        .forEach(h -> text.append(" header ").append(h.name()).append('=').append(h.value()));
    match
        .queryParams()
        .forEach(q -> text.append(" query ").append(q.name()).append('=').append(q.value()));
    return text.toString();
  }
}
