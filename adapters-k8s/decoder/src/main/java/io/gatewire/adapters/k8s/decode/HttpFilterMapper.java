package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.optionalInt;
import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Fraction;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPCORSFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestMirrorFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalObjectReference;
import io.gatewire.domain.model.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPRoute and GRPCRoute filters. Header modifiers, redirects (status 302 by default), rewrites
 * and mirrors (a share from {@code percent} or {@code fraction}, denominator 100 by default), CORS
 * (maxAge 5 by default) and ExtensionRefs become their records; every other type becomes {@link
 * HttpFilter.Unsupported} so status can name it.
 */
final class HttpFilterMapper {
  private static final int DEFAULT_REDIRECT_STATUS = 302;
  private static final int DEFAULT_FRACTION_DENOMINATOR = 100;
  private static final int DEFAULT_CORS_MAX_AGE = 5;
  private static final Map<String, Boolean> PATH_MODIFIER_TYPES =
      Map.of("ReplaceFullPath", true, "ReplacePrefixMatch", false);

  private final RouteRefMapper refs;

  HttpFilterMapper(RouteRefMapper refs) {
    this.refs = refs;
  }

  List<HttpFilter> httpFilters(List<HTTPRouteFilter> filters, FieldPath path) {
    return Fields.mapEach(filters, path, this::httpFilter);
  }

  List<HttpFilter> grpcFilters(List<GRPCRouteFilter> filters, FieldPath path) {
    return Fields.mapEach(filters, path, this::grpcFilter);
  }

  private HttpFilter httpFilter(HTTPRouteFilter filter, FieldPath path) {
    String type = requiredText(filter.getType(), path.field("type"));
    return switch (type) {
      case "RequestHeaderModifier" ->
          headers(true, filter.getRequestHeaderModifier(), path.field("requestHeaderModifier"));
      case "ResponseHeaderModifier" ->
          headers(false, filter.getResponseHeaderModifier(), path.field("responseHeaderModifier"));
      case "RequestRedirect" ->
          redirect(filter.getRequestRedirect(), path.field("requestRedirect"));
      case "URLRewrite" -> rewrite(filter.getUrlRewrite(), path.field("urlRewrite"));
      case "RequestMirror" -> mirror(filter.getRequestMirror(), path.field("requestMirror"));
      case "ExtensionRef" -> extensionRef(filter.getExtensionRef(), path.field("extensionRef"));
      case "CORS" -> cors(filter.getCors(), path.field("cors"));
      default -> new HttpFilter.Unsupported(type);
    };
  }

  private HttpFilter grpcFilter(GRPCRouteFilter filter, FieldPath path) {
    String type = requiredText(filter.getType(), path.field("type"));
    return switch (type) {
      case "RequestHeaderModifier" ->
          headers(true, filter.getRequestHeaderModifier(), path.field("requestHeaderModifier"));
      case "ResponseHeaderModifier" ->
          headers(false, filter.getResponseHeaderModifier(), path.field("responseHeaderModifier"));
      case "RequestMirror" -> mirror(filter.getRequestMirror(), path.field("requestMirror"));
      case "ExtensionRef" -> extensionRef(filter.getExtensionRef(), path.field("extensionRef"));
      default -> new HttpFilter.Unsupported(type);
    };
  }

  private static HttpFilter cors(HTTPCORSFilter filter, FieldPath path) {
    HTTPCORSFilter present = required(filter, path);
    return new HttpFilter.Cors(
        Fields.list(present.getAllowOrigins()),
        Fields.list(present.getAllowMethods()),
        Fields.list(present.getAllowHeaders()),
        Fields.list(present.getExposeHeaders()),
        orDefault(present.getAllowCredentials(), false),
        orDefault(present.getMaxAge(), DEFAULT_CORS_MAX_AGE));
  }

  private static HttpFilter extensionRef(LocalObjectReference ref, FieldPath path) {
    LocalObjectReference present = required(ref, path);
    return new HttpFilter.ExtensionRef(
        orDefault(present.getGroup(), ""),
        requiredText(present.getKind(), path.field("kind")),
        requiredText(present.getName(), path.field("name")));
  }

  private static HttpFilter headers(boolean request, HTTPHeaderFilter filter, FieldPath path) {
    HTTPHeaderFilter present = required(filter, path);
    return new HttpFilter.HeaderModifier(
        request,
        Fields.mapEach(present.getSet(), path.field("set"), HttpFilterMapper::header),
        Fields.mapEach(present.getAdd(), path.field("add"), HttpFilterMapper::header),
        Fields.list(present.getRemove()));
  }

  private static HttpFilter.Header header(HTTPHeader header, FieldPath path) {
    return new HttpFilter.Header(
        requiredText(header.getName(), path.field("name")),
        required(header.getValue(), path.field("value")));
  }

  private static HttpFilter redirect(HTTPRequestRedirectFilter filter, FieldPath path) {
    HTTPRequestRedirectFilter present = required(filter, path);
    return new HttpFilter.RequestRedirect(
        Optional.ofNullable(present.getScheme()),
        Optional.ofNullable(present.getHostname()),
        Fields.mapOptional(present.getPath(), path.field("path"), HttpFilterMapper::pathModifier),
        optionalInt(present.getPort()),
        orDefault(present.getStatusCode(), DEFAULT_REDIRECT_STATUS));
  }

  private static HttpFilter rewrite(HTTPURLRewriteFilter filter, FieldPath path) {
    HTTPURLRewriteFilter present = required(filter, path);
    return new HttpFilter.UrlRewrite(
        Optional.ofNullable(present.getHostname()),
        Fields.mapOptional(present.getPath(), path.field("path"), HttpFilterMapper::pathModifier));
  }

  private static HttpFilter.PathModifier pathModifier(HTTPPathModifier modifier, FieldPath path) {
    boolean fullPath =
        Fields.oneOf(
            required(modifier.getType(), path.field("type")),
            path.field("type"),
            PATH_MODIFIER_TYPES);
    return fullPath
        ? new HttpFilter.PathModifier(
            true, required(modifier.getReplaceFullPath(), path.field("replaceFullPath")))
        : new HttpFilter.PathModifier(
            false, required(modifier.getReplacePrefixMatch(), path.field("replacePrefixMatch")));
  }

  private HttpFilter mirror(HTTPRequestMirrorFilter filter, FieldPath path) {
    HTTPRequestMirrorFilter present = required(filter, path);
    FieldPath backendPath = path.field("backendRef");
    return new HttpFilter.RequestMirror(
        refs.backendRef(required(present.getBackendRef(), backendPath), backendPath),
        mirrorPercent(present, path));
  }

  private static Optional<Double> mirrorPercent(HTTPRequestMirrorFilter filter, FieldPath path) {
    if (filter.getPercent() != null) {
      return Optional.of(filter.getPercent().doubleValue());
    }
    Fraction fraction = filter.getFraction();
    if (fraction == null) {
      return Optional.empty();
    }
    FieldPath fractionPath = path.field("fraction");
    int numerator = required(fraction.getNumerator(), fractionPath.field("numerator"));
    int denominator = orDefault(fraction.getDenominator(), DEFAULT_FRACTION_DENOMINATOR);
    if (denominator <= 0) {
      throw new InvalidFieldException(fractionPath.field("denominator"), "must be greater than 0");
    }
    return Optional.of(numerator * 100.0 / denominator);
  }
}
