package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRetry;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteTimeouts;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteMatch.HeaderMatch;
import io.gatewire.domain.model.HttpRouteMatch.PathMatch;
import io.gatewire.domain.model.HttpRouteMatch.PathMatchType;
import io.gatewire.domain.model.HttpRouteMatch.StringMatchType;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPRoute (v1 and v1beta1 share the v1 spec). CRD defaults: a route without rules gets one rule,
 * a rule without matches gets one PathPrefix {@code /} match, a path match without type is a
 * PathPrefix and without value is {@code /}, header and query matches are Exact by default.
 */
final class HttpRouteMapper {
  private static final Map<String, PathMatchType> PATH_TYPES =
      Map.of(
          "Exact", PathMatchType.EXACT,
          "PathPrefix", PathMatchType.PATH_PREFIX,
          "RegularExpression", PathMatchType.REGULAR_EXPRESSION);
  static final Map<String, StringMatchType> STRING_TYPES =
      Map.of(
          "Exact", StringMatchType.EXACT,
          "RegularExpression", StringMatchType.REGULAR_EXPRESSION);
  private static final String DEFAULT_STRING_TYPE = "Exact";
  private static final HttpRouteRule DEFAULT_RULE =
      new HttpRouteRule(
          Optional.empty(),
          List.of(HttpRouteMatch.DEFAULT),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  private final RouteRefMapper refs;
  private final HttpFilterMapper filters;

  HttpRouteMapper(RouteRefMapper refs, HttpFilterMapper filters) {
    this.refs = refs;
    this.filters = filters;
  }

  HttpRoute route(ObjectMeta meta, HTTPRouteSpec spec) {
    HTTPRouteSpec present = orDefault(spec, new HTTPRouteSpec());
    FieldPath path = FieldPath.SPEC;
    List<HttpRouteRule> rules =
        Fields.list(present.getRules()).isEmpty()
            ? List.of(DEFAULT_RULE)
            : Fields.mapEach(present.getRules(), path.field("rules"), this::rule);
    return new HttpRoute(
        meta,
        refs.parentRefs(present.getParentRefs(), path.field("parentRefs")),
        Fields.list(present.getHostnames()),
        rules);
  }

  private HttpRouteRule rule(HTTPRouteRule rule, FieldPath path) {
    List<HttpRouteMatch> matches =
        Fields.list(rule.getMatches()).isEmpty()
            ? List.of(HttpRouteMatch.DEFAULT)
            : Fields.mapEach(rule.getMatches(), path.field("matches"), HttpRouteMapper::match);
    return new HttpRouteRule(
        Optional.ofNullable(rule.getName()),
        matches,
        filters.httpFilters(rule.getFilters(), path.field("filters")),
        Fields.mapEach(rule.getBackendRefs(), path.field("backendRefs"), this::backendRef),
        Optional.ofNullable(rule.getTimeouts()).map(HttpRouteMapper::timeouts),
        Optional.ofNullable(rule.getRetry()).map(HttpRouteMapper::retry));
  }

  private static HttpRouteMatch match(HTTPRouteMatch match, FieldPath path) {
    return new HttpRouteMatch(
        pathMatch(match.getPath(), path.field("path")),
        Fields.mapEach(match.getHeaders(), path.field("headers"), HttpRouteMapper::headerMatch),
        Fields.mapEach(
            match.getQueryParams(), path.field("queryParams"), HttpRouteMapper::queryMatch),
        Optional.ofNullable(match.getMethod()));
  }

  private static PathMatch pathMatch(HTTPPathMatch match, FieldPath path) {
    if (match == null) {
      return PathMatch.ROOT;
    }
    return new PathMatch(
        Fields.oneOf(orDefault(match.getType(), "PathPrefix"), path.field("type"), PATH_TYPES),
        orDefault(match.getValue(), PathMatch.ROOT.value()));
  }

  private static HeaderMatch headerMatch(HTTPHeaderMatch match, FieldPath path) {
    return stringMatch(match.getType(), match.getName(), match.getValue(), path);
  }

  private static HeaderMatch queryMatch(HTTPQueryParamMatch match, FieldPath path) {
    return stringMatch(match.getType(), match.getName(), match.getValue(), path);
  }

  /** A header or query parameter match; GRPCRoute header matches share it. */
  static HeaderMatch stringMatch(String type, String name, String value, FieldPath path) {
    return new HeaderMatch(
        Fields.oneOf(orDefault(type, DEFAULT_STRING_TYPE), path.field("type"), STRING_TYPES),
        requiredText(name, path.field("name")),
        required(value, path.field("value")));
  }

  private HttpBackendRef backendRef(HTTPBackendRef ref, FieldPath path) {
    return new HttpBackendRef(
        refs.backendRef(ref, path), filters.httpFilters(ref.getFilters(), path.field("filters")));
  }

  private static HttpRouteRule.Retry retry(HTTPRouteRetry retry) {
    return new HttpRouteRule.Retry(
        Fields.list(retry.getCodes()),
        Optional.ofNullable(retry.getAttempts()),
        Optional.ofNullable(retry.getBackoff()));
  }

  private static HttpRouteRule.Timeouts timeouts(HTTPRouteTimeouts timeouts) {
    return new HttpRouteRule.Timeouts(
        Optional.ofNullable(timeouts.getRequest()),
        Optional.ofNullable(timeouts.getBackendRequest()));
  }
}
