package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.orDefault;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteSpec;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpRouteMatch.HeaderMatch;
import io.gatewire.domain.model.ObjectMeta;
import java.util.Optional;

/**
 * GRPCRoute (v1 and v1alpha2 share the v1 spec). CRD defaults: method and header matches are Exact;
 * a rule without matches keeps none, which matches every request.
 */
final class GrpcRouteMapper {
  private static final String DEFAULT_METHOD_TYPE = "Exact";

  private final RouteRefMapper refs;
  private final HttpFilterMapper filters;

  GrpcRouteMapper(RouteRefMapper refs, HttpFilterMapper filters) {
    this.refs = refs;
    this.filters = filters;
  }

  GrpcRoute route(ObjectMeta meta, GRPCRouteSpec spec) {
    GRPCRouteSpec present = orDefault(spec, new GRPCRouteSpec());
    FieldPath path = FieldPath.SPEC;
    return new GrpcRoute(
        meta,
        refs.parentRefs(present.getParentRefs(), path.field("parentRefs")),
        Fields.list(present.getHostnames()),
        Fields.mapEach(present.getRules(), path.field("rules"), this::rule));
  }

  private GrpcRoute.Rule rule(GRPCRouteRule rule, FieldPath path) {
    return new GrpcRoute.Rule(
        Optional.ofNullable(rule.getName()),
        Fields.mapEach(rule.getMatches(), path.field("matches"), GrpcRouteMapper::match),
        filters.grpcFilters(rule.getFilters(), path.field("filters")),
        Fields.mapEach(rule.getBackendRefs(), path.field("backendRefs"), this::backendRef));
  }

  private static GrpcRoute.Match match(GRPCRouteMatch match, FieldPath path) {
    return new GrpcRoute.Match(
        Fields.mapOptional(match.getMethod(), path.field("method"), GrpcRouteMapper::methodMatch),
        Fields.mapEach(match.getHeaders(), path.field("headers"), GrpcRouteMapper::headerMatch));
  }

  private static GrpcRoute.MethodMatch methodMatch(GRPCMethodMatch match, FieldPath path) {
    if (match.getService() == null && match.getMethod() == null) {
      throw new InvalidFieldException(path, "one or both of service and method must be set");
    }
    return new GrpcRoute.MethodMatch(
        Fields.oneOf(
            orDefault(match.getType(), DEFAULT_METHOD_TYPE),
            path.field("type"),
            HttpRouteMapper.STRING_TYPES),
        Optional.ofNullable(match.getService()),
        Optional.ofNullable(match.getMethod()));
  }

  private static HeaderMatch headerMatch(GRPCHeaderMatch match, FieldPath path) {
    return HttpRouteMapper.stringMatch(match.getType(), match.getName(), match.getValue(), path);
  }

  private HttpBackendRef backendRef(GRPCBackendRef ref, FieldPath path) {
    return new HttpBackendRef(
        refs.backendRef(ref, path), filters.grpcFilters(ref.getFilters(), path.field("filters")));
  }
}
