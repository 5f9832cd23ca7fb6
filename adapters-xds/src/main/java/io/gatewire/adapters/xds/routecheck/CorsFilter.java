package io.gatewire.adapters.xds.routecheck;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Envoy's CORS HTTP filter ({@code envoy.filters.http.cors}, source {@code
 * source/extensions/filters/http/cors/cors_filter.cc}) for one request on a route that forwards.
 *
 * <p>The policies are the {@code typed_per_filter_config} entries under the filter's name (a {@code
 * CorsPolicy}, or a {@code FilterConfig} holding one) of the route, the virtual host and the route
 * configuration; each field is taken from the most specific policy that sets it. The filter acts
 * when the HTTP connection manager has it, the most specific policy enables it ({@code
 * filter_enabled}, default on) and the request has a non-empty {@code Origin}; the origin is
 * allowed when an {@code allow_origin_string_match} matches {@code *} or the origin.
 *
 * <p>A preflight ({@code OPTIONS} with a non-empty {@code Access-Control-Request-Method}) is
 * answered by the filter itself with 200, unless the origin is not allowed and {@code
 * forward_not_matching_preflights} (default true) sends it on. That answer carries {@code
 * access-control-allow-origin} (the origin, when allowed), {@code -allow-credentials: true} (when
 * {@code allow_credentials}), {@code -allow-methods} ({@code allow_methods}; {@code *} echoes the
 * requested method), {@code -allow-headers} ({@code allow_headers}; {@code *} echoes the requested
 * headers) and {@code -max-age}. Every response of a request with an allowed origin, the preflight
 * answer included, then gets {@code -allow-origin} (the origin), {@code -allow-credentials} and
 * {@code -expose-headers} set.
 */
final class CorsFilter {
  static final String ALLOW_ORIGIN = "access-control-allow-origin";
  static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";
  static final String ALLOW_METHODS = "access-control-allow-methods";
  static final String ALLOW_HEADERS = "access-control-allow-headers";
  static final String MAX_AGE = "access-control-max-age";
  static final String EXPOSE_HEADERS = "access-control-expose-headers";

  private final List<CorsPolicy> policies;
  private final String origin;
  private final boolean allowed;

  private CorsFilter(List<CorsPolicy> policies, String origin, boolean allowed) {
    this.policies = policies;
    this.origin = origin;
    this.allowed = allowed;
  }

  /**
   * The filter's state for a request on {@code route}, or empty when it leaves the request alone
   * (no filter in the connection manager, disabled, no policy, no {@code Origin}).
   */
  static Optional<CorsFilter> forRequest(
      HttpConnectionManager hcm,
      RouteConfiguration config,
      VirtualHost vhost,
      Route route,
      Headers request) {
    Optional<HttpFilter> filter =
        hcm.getHttpFiltersList().stream()
            .filter(f -> f.hasTypedConfig() && f.getTypedConfig().is(Cors.class))
            .findFirst();
    if (filter.isEmpty()) {
      return Optional.empty();
    }
    String name = filter.get().getName();
    boolean disabled = filter.get().getDisabled();
    List<CorsPolicy> policies = new ArrayList<>();
    // Most specific first, as the filter reverses Envoy's route configuration -> virtual host ->
    // route order.
    List<Any> configs = new ArrayList<>();
    for (Map<String, Any> level :
        List.of(
            route.getTypedPerFilterConfigMap(),
            vhost.getTypedPerFilterConfigMap(),
            config.getTypedPerFilterConfigMap())) {
      if (level.containsKey(name)) {
        configs.add(level.get(name));
      }
    }
    boolean disabledDecided = false;
    for (Any any : configs) {
      Any inner = any;
      if (any.is(FilterConfig.class)) {
        FilterConfig wrapper = unpack(any, FilterConfig.class);
        if (!disabledDecided) {
          disabled = wrapper.getDisabled();
          disabledDecided = true;
        }
        inner = wrapper.getConfig();
      }
      if (inner.is(CorsPolicy.class)) {
        policies.add(unpack(inner, CorsPolicy.class));
      }
    }
    if (disabled || policies.isEmpty() || !enabled(policies.get(0))) {
      return Optional.empty();
    }
    String origin = request.get("origin").stream().findFirst().orElse("");
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    List<StringMatcher> origins =
        first(policies, p -> p.getAllowOriginStringMatchList(), l -> !l.isEmpty())
            .orElse(List.of());
    boolean allowed =
        origins.stream()
            .anyMatch(
                m -> RouteMatching.stringMatches(m, "*") || RouteMatching.stringMatches(m, origin));
    return Optional.of(new CorsFilter(policies, origin, allowed));
  }

  boolean originAllowed() {
    return allowed;
  }

  /**
   * The filter's own answer to the request, or empty when the request goes on to the router: not a
   * preflight, or a preflight from an origin that is not allowed while such preflights are
   * forwarded.
   */
  Optional<Headers> preflightAnswer(String method, Headers request) {
    String requestedMethod =
        request.get("access-control-request-method").stream().findFirst().orElse("");
    if (!method.equals("OPTIONS") || requestedMethod.isEmpty()) {
      return Optional.empty();
    }
    boolean forwardNotMatching =
        first(
                policies,
                p ->
                    p.hasForwardNotMatchingPreflights()
                        ? p.getForwardNotMatchingPreflights().getValue()
                        : null,
                v -> v != null)
            .orElse(true);
    if (!allowed && forwardNotMatching) {
      return Optional.empty();
    }
    Headers response = new Headers();
    if (allowed) {
      response.set(ALLOW_ORIGIN, origin);
    }
    if (allowCredentials()) {
      response.set(ALLOW_CREDENTIALS, "true");
    }
    String methods = text(CorsPolicy::getAllowMethods);
    if (!methods.isEmpty()) {
      response.set(ALLOW_METHODS, methods.equals("*") ? requestedMethod : methods);
    }
    String headers = text(CorsPolicy::getAllowHeaders);
    if (!headers.isEmpty()) {
      response.set(
          ALLOW_HEADERS,
          headers.equals("*")
              ? request.get("access-control-request-headers").stream().findFirst().orElse("")
              : headers);
    }
    String maxAge = text(CorsPolicy::getMaxAge);
    if (!maxAge.isEmpty()) {
      response.set(MAX_AGE, maxAge);
    }
    return Optional.of(response);
  }

  /** What the filter does to every response of the request (the preflight answer included). */
  void encode(Headers response) {
    if (!allowed) {
      return;
    }
    response.set(ALLOW_ORIGIN, origin);
    if (allowCredentials()) {
      response.set(ALLOW_CREDENTIALS, "true");
    }
    String expose = text(CorsPolicy::getExposeHeaders);
    if (!expose.isEmpty()) {
      response.set(EXPOSE_HEADERS, expose);
    }
  }

  private boolean allowCredentials() {
    return first(
            policies,
            p -> p.hasAllowCredentials() ? p.getAllowCredentials().getValue() : null,
            v -> v != null)
        .orElse(false);
  }

  private String text(Function<CorsPolicy, String> field) {
    return first(policies, field, v -> !v.isEmpty()).orElse("");
  }

  /** The field of the most specific policy that sets it. */
  private static <T> Optional<T> first(
      List<CorsPolicy> policies, Function<CorsPolicy, T> field, Predicate<T> set) {
    return policies.stream().map(field).filter(v -> v != null && set.test(v)).findFirst();
  }

  /**
   * {@code filter_enabled} unset means on; a runtime fraction counts by its default, any share
   * above 0 as on.
   */
  private static boolean enabled(CorsPolicy policy) {
    if (!policy.hasFilterEnabled()) {
      return true;
    }
    RuntimeFractionalPercent fraction = policy.getFilterEnabled();
    return fraction.getDefaultValue().getNumerator() > 0;
  }

  private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName(), e);
    }
  }
}
