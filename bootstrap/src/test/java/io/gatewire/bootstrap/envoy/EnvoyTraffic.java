package io.gatewire.bootstrap.envoy;

import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.testkit.echo.EchoClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * route-check's requests sent to a real Envoy of an {@link EnvoyFixture}, as the conformance
 * harness sends them: to the listener Envoy binds for the request's Gateway port, with the
 * request's Host, method, path and headers, plus {@code X-Echo-Set-Header} asking the echo backend
 * for the response headers the request names (always sent, empty when none, as the harness does);
 * {@code https} requests with their server name and the given certificate trusted.
 */
public final class EnvoyTraffic {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final EnvoyFixture fixture;
  private final Optional<String> trustedCertificatePem;

  public EnvoyTraffic(EnvoyFixture fixture, Optional<String> trustedCertificatePem) {
    this.fixture = fixture;
    this.trustedCertificatePem = trustedCertificatePem;
  }

  /** Sends {@code request} over {@code protocol} and returns Envoy's answer. */
  public EchoClient.Response send(RouteRequest request, EchoClient.Protocol protocol) {
    return EchoClient.send(toEnvoy(request, protocol));
  }

  /** The request as {@link EchoClient} sends it. */
  public EchoClient.Request toEnvoy(RouteRequest request, EchoClient.Protocol protocol) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    headers.put(
        "X-Echo-Set-Header",
        new TreeMap<>(request.backendResponseHeaders())
            .entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")));
    Optional<EchoClient.Tls> tls =
        request.scheme().equalsIgnoreCase("https")
            ? Optional.of(
                new EchoClient.Tls(
                    request.serverName() == null ? "" : request.serverName(),
                    trustedCertificatePem.orElseThrow(
                        () ->
                            new IllegalStateException(
                                "an https request needs a trusted certificate"))))
            : Optional.empty();
    return new EchoClient.Request(
        fixture.listenerPort(request.port()),
        protocol,
        tls,
        request.host(),
        request.method(),
        request.path(),
        headers,
        REQUEST_TIMEOUT);
  }
}
