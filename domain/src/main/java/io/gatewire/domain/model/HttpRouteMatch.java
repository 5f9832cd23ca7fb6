package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/** One HTTPRoute match: every condition present must hold. */
public record HttpRouteMatch(
    PathMatch path,
    List<HeaderMatch> headers,
    List<HeaderMatch> queryParams,
    Optional<String> method) {

  public static final HttpRouteMatch DEFAULT =
      new HttpRouteMatch(PathMatch.ROOT, List.of(), List.of(), Optional.empty());

  public HttpRouteMatch {
    path = path == null ? PathMatch.ROOT : path;
    headers = List.copyOf(headers);
    queryParams = List.copyOf(queryParams);
    method = method == null ? Optional.empty() : method;
  }

  /** A path match. */
  public record PathMatch(PathMatchType type, String value) {
    public static final PathMatch ROOT = new PathMatch(PathMatchType.PATH_PREFIX, "/");
  }

  /** The Gateway API path match types. */
  public enum PathMatchType {
    EXACT,
    PATH_PREFIX,
    REGULAR_EXPRESSION
  }

  /** A header or query parameter match (type Exact or RegularExpression). */
  public record HeaderMatch(StringMatchType type, String name, String value) {}

  /** Exact or RegularExpression. */
  public enum StringMatchType {
    EXACT,
    REGULAR_EXPRESSION
  }
}
