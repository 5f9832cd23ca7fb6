package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.testing.IrFixtures.endpoint;
import static io.gatewire.adapters.xds.testing.IrFixtures.gatewayListener;
import static io.gatewire.adapters.xds.testing.IrFixtures.httpRoute;
import static io.gatewire.adapters.xds.testing.IrFixtures.locality;
import static io.gatewire.adapters.xds.testing.IrFixtures.prefix;
import static io.gatewire.adapters.xds.testing.IrFixtures.route;
import static io.gatewire.adapters.xds.testing.IrFixtures.service;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two Gateways that gRPC's xDS client accepts as well as Envoy: EDS clusters with IP endpoints,
 * plain HTTP listeners, exact and {@code /} path matches, every route forwarding to one cluster.
 * {@code shop/gw} serves {@code shop.example.com} (a cart route and a catch-all web route), {@code
 * infra/edge} serves everything else. The builder methods give the variations the tests publish.
 */
final class ServingFixtures {
  static final String SHOP = "shop/gw";
  static final String EDGE = "infra/edge";
  static final String SHOP_LISTENER = "shop/gw/http";
  static final String EDGE_LISTENER = "infra/edge/http";
  static final String CART_CLUSTER = "httproute/shop/cart/rule/0";
  static final String WEB_CLUSTER = "httproute/shop/web/rule/0";
  static final String STATUS_CLUSTER = "httproute/infra/status/rule/0";
  static final String NEW_CLUSTER = "httproute/shop/search/rule/0";
  static final String WEB_BACKEND_0 = WEB_CLUSTER + "/backend/0";
  static final String WEB_BACKEND_1 = WEB_CLUSTER + "/backend/1";
  static final String WEB_MIRROR = WEB_CLUSTER + "/mirror/0";

  private boolean cartRoute = true;
  private boolean searchRoute;
  private String cartPath = "/shop.Cart/Get";
  private String webAddress = "10.0.0.2";
  private int edgePort = 9090;
  private IrCluster.Discovery webDiscovery = IrCluster.Discovery.EDS;
  private boolean webSplitRetryMirror;

  static ServingFixtures fixture() {
    return new ServingFixtures();
  }

  static Ir ir() {
    return fixture().build();
  }

  /** The Gateway of {@code ir} whose key is {@code key}. */
  static IrGateway gateway(Ir ir, String key) {
    return ir.gateways().stream()
        .filter(gateway -> gateway.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  ServingFixtures withoutCartRoute() {
    cartRoute = false;
    return this;
  }

  ServingFixtures withSearchRoute() {
    searchRoute = true;
    return this;
  }

  ServingFixtures withCartPath(String path) {
    cartPath = path;
    return this;
  }

  ServingFixtures withWebAddress(String address) {
    webAddress = address;
    return this;
  }

  /** The web cluster as STRICT_DNS: valid for Envoy, rejected by gRPC. */
  ServingFixtures withDnsWebCluster() {
    webDiscovery = IrCluster.Discovery.STRICT_DNS;
    return this;
  }

  /**
   * The web route as a rule with backendRef filters, a retry and a mirror make it: weighted
   * clusters (one per backendRef, each with its own header changes), a retry policy with per-try
   * timeout and backoff, and a request mirror, instead of one cluster.
   */
  ServingFixtures withWebSplitRetryAndMirror() {
    webSplitRetryMirror = true;
    return this;
  }

  ServingFixtures withEdgePort(int port) {
    edgePort = port;
    return this;
  }

  Ir build() {
    return new Ir(List.of(shop(), edge()));
  }

  private IrGateway shop() {
    List<IrRoute> routes = new ArrayList<>();
    List<IrCluster> clusters = new ArrayList<>();
    if (cartRoute) {
      routes.add(
          route(
              "httproute/shop/cart/rule/0/match/0/shop_example_com",
              new IrMatch(IrMatch.PathType.EXACT, cartPath, List.of(), List.of()),
              IrAction.Forward.to(CART_CLUSTER),
              ResourceMetadata.of(httpRoute("shop", "cart", null, Map.of("team", "cart")))));
      clusters.add(
          cluster(CART_CLUSTER, IrCluster.Discovery.EDS, "shop", "cart", 9000, "10.0.0.1"));
    }
    if (searchRoute) {
      routes.add(
          route(
              "httproute/shop/search/rule/0/match/0/shop_example_com",
              new IrMatch(IrMatch.PathType.EXACT, "/shop.Search/Find", List.of(), List.of()),
              IrAction.Forward.to(NEW_CLUSTER),
              ResourceMetadata.of(httpRoute("shop", "search", null, Map.of()))));
      clusters.add(
          cluster(NEW_CLUSTER, IrCluster.Discovery.EDS, "shop", "search", 9000, "10.0.0.3"));
    }
    if (webSplitRetryMirror) {
      IrHeaderChanges v1 =
          new IrHeaderChanges(
              List.of(new IrHeaderChanges.Header("backend", "v1")), List.of(), List.of("x-drop"));
      IrHeaderChanges v2 =
          new IrHeaderChanges(
              List.of(), List.of(new IrHeaderChanges.Header("x-served-by", "v2")), List.of());
      IrAction.Forward forward =
          new IrAction.Forward(
              WEB_CLUSTER,
              4,
              1,
              List.of(
                  new IrAction.Split(WEB_BACKEND_0, 3, v1, null),
                  new IrAction.Split(WEB_BACKEND_1, 1, null, v2)),
              null,
              null,
              null,
              "10s",
              "2s",
              new IrAction.Retry(3, List.of(500, 503), "100ms"),
              List.of(new IrAction.Mirror(WEB_MIRROR, 42)));
      routes.add(
          route(
              "httproute/shop/web/rule/0/match/-1/shop_example_com",
              prefix("/"),
              forward,
              ResourceMetadata.of(httpRoute("shop", "web", "main", Map.of()))));
      clusters.add(
          cluster(WEB_BACKEND_0, IrCluster.Discovery.EDS, "shop", "web", 8080, webAddress));
      clusters.add(
          cluster(WEB_BACKEND_1, IrCluster.Discovery.EDS, "shop", "web", 8080, "10.0.0.4"));
      clusters.add(cluster(WEB_MIRROR, IrCluster.Discovery.EDS, "shop", "web", 8080, "10.0.0.5"));
    } else {
      routes.add(
          route(
              "httproute/shop/web/rule/0/match/-1/shop_example_com",
              prefix("/"),
              IrAction.Forward.to(WEB_CLUSTER),
              ResourceMetadata.of(httpRoute("shop", "web", "main", Map.of()))));
      clusters.add(cluster(WEB_CLUSTER, webDiscovery, "shop", "web", 8080, webAddress));
    }
    IrVirtualHost host =
        new IrVirtualHost(
            "shop/gw/http/shop_example_com",
            List.of("shop.example.com"),
            routes,
            ResourceMetadata.of(gatewayListener("shop", "gw", "http")));
    return new IrGateway(
        SHOP,
        List.of(new IrListener(SHOP_LISTENER, "0.0.0.0", 8080, SHOP_LISTENER, List.of())),
        List.of(new IrRouteConfig(SHOP_LISTENER, List.of(host))),
        clusters,
        List.of());
  }

  private IrGateway edge() {
    IrVirtualHost host =
        new IrVirtualHost(
            "infra/edge/http/*",
            List.of("*"),
            List.of(
                route(
                    "httproute/infra/status/rule/0/match/-1/*",
                    prefix("/"),
                    IrAction.Forward.to(STATUS_CLUSTER),
                    ResourceMetadata.of(httpRoute("infra", "status", null, Map.of())))),
            ResourceMetadata.of(gatewayListener("infra", "edge", "http")));
    return new IrGateway(
        EDGE,
        List.of(new IrListener(EDGE_LISTENER, "0.0.0.0", edgePort, EDGE_LISTENER, List.of())),
        List.of(new IrRouteConfig(EDGE_LISTENER, List.of(host))),
        List.of(
            cluster(STATUS_CLUSTER, IrCluster.Discovery.EDS, "infra", "status", 8080, "10.0.1.1")),
        List.of());
  }

  private static IrCluster cluster(
      String name,
      IrCluster.Discovery discovery,
      String namespace,
      String route,
      int port,
      String address) {
    return new IrCluster(
        name,
        discovery,
        IrCluster.Protocol.HTTP1,
        List.of(
            locality(
                name + "/backend/0",
                1,
                service(namespace, route + "-svc", port),
                endpoint(address, port))),
        ResourceMetadata.of(httpRoute(namespace, route, null, Map.of())));
  }
}
