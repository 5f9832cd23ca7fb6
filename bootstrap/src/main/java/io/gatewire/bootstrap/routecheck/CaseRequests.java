package io.gatewire.bootstrap.routecheck;

import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a case into the request the conformance harness would send: the target Gateway (the case's,
 * else the file's, else the only programmed Gateway), its port (the given one, else the first named
 * listener's, else the Gateway's first listener's) and scheme; {@code {uuid}} in the path becomes a
 * fresh UUID; {@code requestIdQueryParam} appends {@code gateway-api-conformance-request-id}; a
 * missing Host is the Gateway's address ({@link #GATEWAY_ADDRESS}, with {@code :port} unless
 * 80/443).
 */
public final class CaseRequests {
  /** The address route-check pretends the Gateway has (TEST-NET-1, never routable). */
  public static final String GATEWAY_ADDRESS = "192.0.2.1";

  static final String REQUEST_ID_PARAM = "gateway-api-conformance-request-id";

  private final GatewayResources resources;
  private final List<String> programmed;
  private final Supplier<UUID> uuids;

  /** {@code programmed}: the {@code namespace/name} of every Gateway the translation programs. */
  public CaseRequests(GatewayResources resources, List<String> programmed, Supplier<UUID> uuids) {
    this.resources = resources;
    this.programmed = List.copyOf(programmed);
    this.uuids = uuids;
  }

  /**
   * A case ready to send: the request, and the path the backend should see when nothing rewrites
   * it.
   */
  public record Prepared(RouteRequest request, String sentPath, String expectedPath) {}

  public Prepared prepare(CaseFile file, CaseFile.Case c) throws CaseFileException {
    CaseFile.Target target = c.gateway() != null ? c.gateway() : file.gateway();
    String gatewayKey = gatewayKey(target);
    Optional<Gateway> gateway =
        resources.gateways().stream()
            .filter(g -> (g.meta().namespace() + "/" + g.meta().name()).equals(gatewayKey))
            .findFirst();
    Optional<Listener> listener = gateway.flatMap(g -> listener(g, target));
    int port =
        target != null && target.port() != null && target.port() > 0
            ? target.port()
            : listener.map(Listener::port).orElse(80);
    String scheme =
        target != null && target.scheme() != null && !target.scheme().isEmpty()
            ? target.scheme()
            : listener.filter(l -> l.protocol() == ListenerProtocol.HTTPS).isPresent()
                ? "https"
                : "http";
    String uuid = uuids.get().toString();
    String path = substitute(c.request().path(), uuid);
    String expectedPath =
        c.expectedRequest() == null ? null : substitute(c.expectedRequest().path(), uuid);
    if (c.requestIdQueryParam()) {
      String id = REQUEST_ID_PARAM + "=" + uuids.get();
      path = withQuery(path, id);
      expectedPath = expectedPath == null ? null : withQuery(expectedPath, id);
    }
    String host =
        c.request().host() != null && !c.request().host().isEmpty()
            ? c.request().host()
            : GATEWAY_ADDRESS + (port == 80 || port == 443 ? "" : ":" + port);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    c.request().headers().forEach((name, value) -> headers.put(name, List.of(value)));
    String serverName = c.tls() == null ? null : c.tls().serverName();
    RouteRequest request =
        new RouteRequest(
            gatewayKey,
            port,
            scheme,
            serverName,
            host,
            c.request().method(),
            path,
            headers,
            c.backendSetResponseHeaders());
    return new Prepared(request, request.path(), expectedPath);
  }

  private String gatewayKey(CaseFile.Target target) throws CaseFileException {
    if (target != null && target.name() != null) {
      return (target.namespace() == null || target.namespace().isEmpty()
              ? "default"
              : target.namespace())
          + "/"
          + target.name();
    }
    if (programmed.size() == 1) {
      return programmed.get(0);
    }
    throw new CaseFileException(
        "no gateway given and "
            + (programmed.isEmpty()
                ? "no Gateway is programmed"
                : programmed.size() + " Gateways are programmed " + programmed)
            + ": name one with gateway: {namespace, name}",
        null);
  }

  private static Optional<Listener> listener(Gateway gateway, CaseFile.Target target) {
    if (target != null && !target.listeners().isEmpty()) {
      String first = target.listeners().get(0);
      return gateway.listeners().stream().filter(l -> l.name().equals(first)).findFirst();
    }
    return gateway.listeners().stream().findFirst();
  }

  private static String substitute(String path, String uuid) {
    if (path == null || path.isEmpty()) {
      return path == null ? null : "/";
    }
    return path.replace("{uuid}", uuid);
  }

  private static String withQuery(String path, String param) {
    String p = path == null || path.isEmpty() ? "/" : path;
    return p + (p.contains("?") ? "&" : "?") + param;
  }
}
