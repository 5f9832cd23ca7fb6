package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.orDefault;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * TLSRoute, TCPRoute and UDPRoute in every version fabric8 models (v1; v1alpha3 TLSRoute, which
 * shares the v1 spec; v1alpha2): all become an {@link L4Route} of the document's kind; only
 * TLSRoute has hostnames.
 */
final class L4RouteMapper {
  private final RouteRefMapper refs;

  L4RouteMapper(RouteRefMapper refs) {
    this.refs = refs;
  }

  L4Route tlsRoute(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteSpec spec) {
    var present = orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        present.getHostnames(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteRule::getBackendRefs);
  }

  L4Route tlsRouteV1alpha2(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteSpec spec) {
    var present =
        orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        present.getHostnames(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteRule::getBackendRefs);
  }

  L4Route tcpRoute(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteSpec spec) {
    var present = orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        List.of(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteRule::getBackendRefs);
  }

  L4Route tcpRouteV1alpha2(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteSpec spec) {
    var present =
        orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        List.of(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteRule::getBackendRefs);
  }

  L4Route udpRoute(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRouteSpec spec) {
    var present = orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        List.of(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRouteRule::getBackendRefs);
  }

  L4Route udpRouteV1alpha2(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteSpec spec) {
    var present =
        orDefault(spec, new io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteSpec());
    return route(
        meta,
        present.getParentRefs(),
        List.of(),
        present.getRules(),
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteRule::getName,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteRule::getBackendRefs);
  }

  private <R> L4Route route(
      ObjectMeta meta,
      List<ParentReference> parentRefs,
      List<String> hostnames,
      List<R> rules,
      Function<R, String> name,
      Function<R, List<BackendRef>> backendRefs) {
    FieldPath path = FieldPath.SPEC;
    return new L4Route(
        meta,
        refs.parentRefs(parentRefs, path.field("parentRefs")),
        Fields.list(hostnames),
        Fields.mapEach(
            rules,
            path.field("rules"),
            (rule, rulePath) ->
                new L4Route.Rule(
                    Optional.ofNullable(name.apply(rule)),
                    Fields.mapEach(
                        backendRefs.apply(rule),
                        rulePath.field("backendRefs"),
                        refs::backendRef))));
  }
}
