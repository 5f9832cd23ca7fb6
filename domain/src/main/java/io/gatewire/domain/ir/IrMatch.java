package io.gatewire.domain.ir;

import java.util.List;

/**
 * A route match. The path is EXACT, PREFIX (whole segments, as the Gateway API means it) or REGEX;
 * an HTTP method becomes a {@code :method} header match; gRPC service and method become a path.
 */
public record IrMatch(
    PathType pathType, String path, List<StringMatch> headers, List<StringMatch> queryParams) {
  public IrMatch {
    headers = List.copyOf(headers);
    queryParams = List.copyOf(queryParams);
  }

  /** How the path is compared. */
  public enum PathType {
    EXACT,
    PREFIX,
    REGEX
  }

  /** A header or query parameter: exact value, or a regular expression when {@code regex}. */
  public record StringMatch(String name, boolean regex, String value) {}
}
