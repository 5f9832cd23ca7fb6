package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrCors;

/**
 * The Gateway API CORS filter as Envoy's CORS filter: one in every HTTP connection manager (a no-op
 * on routes without a policy) and a CorsPolicy per route in typed_per_filter_config. Both are
 * marked optional, so xDS clients without a CORS filter (gRPC) ignore them rather than reject the
 * config.
 *
 * <p>An origin {@code *} matches any origin; a {@code *} inside an origin matches any characters
 * ({@code https://*.bar.com} takes {@code https://a.b.bar.com}); other origins match exactly. Envoy
 * answers an allowed origin with that origin, never with {@code *}, and answers preflights from
 * other origins itself, without {@code access-control-allow-origin}. Methods and headers {@code *}
 * are kept as the single value {@code *}, which Envoy answers with the requested method and
 * headers.
 */
final class CorsPolicies {
  static final String FILTER_NAME = "envoy.filters.http.cors";

  private CorsPolicies() {}

  /** The CORS filter for the HTTP connection manager, before the router. */
  static HttpFilter httpFilter() {
    return HttpFilter.newBuilder()
        .setName(FILTER_NAME)
        .setTypedConfig(TypedConfigs.pack(Cors.getDefaultInstance()))
        .setIsOptional(true)
        .build();
  }

  /**
   * The per-route configuration: the policy, wrapped so that clients without the filter may skip
   * it.
   */
  static Any perRoute(IrCors cors) {
    return TypedConfigs.pack(
        FilterConfig.newBuilder()
            .setConfig(TypedConfigs.pack(policy(cors)))
            .setIsOptional(true)
            .build());
  }

  static CorsPolicy policy(IrCors cors) {
    CorsPolicy.Builder policy =
        CorsPolicy.newBuilder()
            .setAllowMethods(String.join(", ", cors.allowMethods()))
            .setAllowHeaders(String.join(", ", cors.allowHeaders()))
            .setExposeHeaders(String.join(", ", cors.exposeHeaders()))
            .setMaxAge(Integer.toString(cors.maxAge()))
            // A preflight from an origin that is not allowed is answered by Envoy (200 without
            // access-control-allow-origin), not sent to the backend.
            .setForwardNotMatchingPreflights(BoolValue.of(false));
    cors.allowOrigins().forEach(origin -> policy.addAllowOriginStringMatch(origin(origin)));
    if (cors.allowCredentials()) {
      policy.setAllowCredentials(BoolValue.of(true));
    }
    return policy.build();
  }

  private static StringMatcher origin(String origin) {
    if (!origin.contains("*")) {
      return StringMatcher.newBuilder().setExact(origin).build();
    }
    StringBuilder pattern = new StringBuilder();
    String[] parts = origin.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        pattern.append(".*");
      }
      if (!parts[i].isEmpty()) {
        pattern.append(StringMatchers.quote(parts[i]));
      }
    }
    return StringMatcher.newBuilder()
        .setSafeRegex(StringMatchers.regex(pattern.toString()))
        .build();
  }
}
