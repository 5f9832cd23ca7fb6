package io.gatewire.domain.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the HTTP connection managers of one Gateway treat requests ({@code http} section), fully
 * resolved: the {@code --http-*} flags, overridden field by field by the GatewayClass's and then
 * the Gateway's ProxySettings ({@link HttpSpec}). Durations are Gateway API durations ({@code 1h},
 * {@code 300s}); {@code 0s} disables a timeout; {@code maxRequestsPerConnection} 0 means unlimited.
 *
 * @param normalizePath RFC 3986 normalisation of the path (dot segments removed) before routing
 * @param mergeSlashes {@code //} in the path becomes {@code /} before routing
 * @param escapedSlashes what to do with a path that holds {@code %2F} or {@code %5C}
 * @param headersWithUnderscores what to do with a request header whose name holds {@code _}
 * @param useRemoteAddress the client address is the connection's peer (plus {@code
 *     xffNumTrustedHops} proxies named in {@code X-Forwarded-For}), not what the client claims
 * @param xffNumTrustedHops trusted proxies in front of Envoy that append to {@code X-Forwarded-For}
 * @param maxRequestHeadersKb the largest request header block, in KiB (Envoy allows 1 to 8192)
 * @param requestHeadersTimeout how long a client may take to send the request headers
 * @param connectionIdleTimeout a downstream connection with no stream open is closed after this
 * @param streamIdleTimeout a request or response that moves no byte for this long is reset
 * @param maxRequestsPerConnection requests one downstream connection may carry, 0 unlimited
 * @param serverHeader what happens to the {@code Server} response header
 * @param webSockets on which routes a WebSocket upgrade is allowed
 */
public record HttpSettings(
    boolean normalizePath,
    boolean mergeSlashes,
    EscapedSlashes escapedSlashes,
    HeadersWithUnderscores headersWithUnderscores,
    boolean useRemoteAddress,
    int xffNumTrustedHops,
    int maxRequestHeadersKb,
    String requestHeadersTimeout,
    String connectionIdleTimeout,
    String streamIdleTimeout,
    int maxRequestsPerConnection,
    ServerHeader serverHeader,
    WebSockets webSockets) {

  /** A Gateway API duration, as the Gateway API CRDs check it. */
  private static final Pattern DURATION = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");

  /** The defaults, in line with Envoy's edge proxy best practices (docs/security.md). */
  public static final HttpSettings DEFAULTS =
      new HttpSettings(
          true,
          true,
          EscapedSlashes.UNESCAPE_AND_REDIRECT,
          HeadersWithUnderscores.REJECT_REQUEST,
          true,
          0,
          60,
          "10s",
          "1h",
          "5m",
          0,
          ServerHeader.OVERWRITE,
          WebSockets.ALL_ROUTES);

  /** The largest request header block Envoy accepts, in KiB. */
  public static final int HIGHEST_MAX_REQUEST_HEADERS_KB = 8192;

  /**
   * @throws IllegalArgumentException naming the field, when a value is out of range or a duration
   *     is not a Gateway API duration
   */
  public HttpSettings {
    Objects.requireNonNull(escapedSlashes, "escapedSlashes");
    Objects.requireNonNull(headersWithUnderscores, "headersWithUnderscores");
    Objects.requireNonNull(requestHeadersTimeout, "requestHeadersTimeout");
    Objects.requireNonNull(connectionIdleTimeout, "connectionIdleTimeout");
    Objects.requireNonNull(streamIdleTimeout, "streamIdleTimeout");
    Objects.requireNonNull(serverHeader, "serverHeader");
    Objects.requireNonNull(webSockets, "webSockets");
    duration("requestHeadersTimeout", requestHeadersTimeout);
    duration("connectionIdleTimeout", connectionIdleTimeout);
    duration("streamIdleTimeout", streamIdleTimeout);
    if (xffNumTrustedHops < 0) {
      throw new IllegalArgumentException("xffNumTrustedHops must not be negative");
    }
    if (maxRequestHeadersKb < 1 || maxRequestHeadersKb > HIGHEST_MAX_REQUEST_HEADERS_KB) {
      throw new IllegalArgumentException(
          "maxRequestHeadersKb must be between 1 and " + HIGHEST_MAX_REQUEST_HEADERS_KB);
    }
    if (maxRequestsPerConnection < 0) {
      throw new IllegalArgumentException("maxRequestsPerConnection must not be negative");
    }
  }

  private static void duration(String field, String value) {
    durationProblem(value)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(field + " " + problem);
            });
  }

  /** Why {@code value} is not a Gateway API duration; empty when it is one. */
  public static Optional<String> durationProblem(String value) {
    return DURATION.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(value + " is not a Gateway API duration (such as 10s, 5m, 1h, 500ms)");
  }

  /**
   * How a setting's value is written in flags and manifests: {@code UNESCAPE_AND_REDIRECT} is
   * {@code UnescapeAndRedirect}.
   */
  public static String apiName(Enum<?> value) {
    StringBuilder name = new StringBuilder();
    for (String word : value.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  /** The constant whose {@link #apiName} is {@code text}, if any. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> apiName(constant).equals(text))
        .findFirst();
  }

  /** Every value's {@link #apiName}, for messages: {@code Allow, RejectRequest, DropHeader}. */
  public static String apiNames(Class<? extends Enum<?>> type) {
    return String.join(
        ", ", Arrays.stream(type.getEnumConstants()).map(HttpSettings::apiName).toList());
  }

  /** A path that holds an escaped slash ({@code %2F}, {@code %5C}, any case). */
  public enum EscapedSlashes {
    /** Forwarded as it is; routing sees the escape, the backend may decode it. */
    KEEP_UNCHANGED,
    /** Answered 400. */
    REJECT_REQUEST,
    /** Answered with a redirect to the path with the slashes unescaped (and normalised). */
    UNESCAPE_AND_REDIRECT,
    /** Unescaped (and normalised), then routed and forwarded. */
    UNESCAPE_AND_FORWARD
  }

  /** A request header whose name holds an underscore. */
  public enum HeadersWithUnderscores {
    ALLOW,
    /** Answered 400. */
    REJECT_REQUEST,
    /** The header is removed; the request goes on. */
    DROP_HEADER
  }

  /** The {@code Server} response header. */
  public enum ServerHeader {
    /** Always {@code server: envoy}: a backend's own header does not reach the client. */
    OVERWRITE,
    /** The backend's header, else {@code server: envoy}. */
    APPEND_IF_ABSENT,
    /** The backend's header, else none. */
    PASS_THROUGH
  }

  /** Where a WebSocket upgrade ({@code Upgrade: websocket}) is allowed. */
  public enum WebSockets {
    /** On every route that forwards, as Envoy Gateway does. */
    ALL_ROUTES,
    /**
     * Only on routes to a backend whose port declares appProtocol {@code kubernetes.io/ws};
     * elsewhere Envoy refuses the upgrade.
     */
    DECLARED_BACKENDS
  }
}
