package io.gatewire.adapters.xds.testing;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrCors;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import io.gatewire.domain.ir.IrListener.IrTlsChain;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.ir.IrMatch.StringMatch;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrSecret;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.testkit.tls.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * IR built in code: the origins of the seed example of docs/metadata.md and a rich Gateway that
 * uses every feature the mappers know. {@link #rich(Random)} hands every list the IR sorts itself
 * (and every annotation map) to the constructors in a random order, for determinism tests.
 */
public final class IrFixtures {
  public static final String ROUTE_GV = "gateway.networking.k8s.io/v1";
  public static final String SEED_CLUSTER = "httproute/myns/myroute/rule/0";

  private IrFixtures() {}

  public static ResourceOrigin httpRoute(
      String namespace, String name, String ruleName, Map<String, String> annotations) {
    return new ResourceOrigin(
        "HTTPRoute", ROUTE_GV, namespace, name, ruleName, annotations, Map.of());
  }

  public static ResourceOrigin service(String namespace, String name, int port) {
    return new ResourceOrigin(
        "Service", "v1", namespace, name, Integer.toString(port), Map.of(), Map.of());
  }

  public static ResourceOrigin gatewayListener(String namespace, String name, String listener) {
    return new ResourceOrigin("Gateway", ROUTE_GV, namespace, name, listener, Map.of(), Map.of());
  }

  /**
   * The seed route {@code myns/myroute}, annotation {@code gateway.envoyproxy.io/foo: bar} passed
   * as {@code foo}.
   */
  public static ResourceMetadata seedRoute() {
    return ResourceMetadata.of(httpRoute("myns", "myroute", null, Map.of("foo", "bar")));
  }

  /** The seed cluster: backendRefs svc-1 and svc-2, one locality each. */
  public static IrCluster seedCluster() {
    return new IrCluster(
        SEED_CLUSTER,
        IrCluster.Discovery.EDS,
        IrCluster.Protocol.HTTP1,
        List.of(
            locality(
                SEED_CLUSTER + "/backend/0",
                1,
                service("myns", "svc-1", 8080),
                endpoint("10.0.0.1", 8080)),
            locality(
                SEED_CLUSTER + "/backend/1",
                1,
                service("myns", "svc-2", 8080),
                endpoint("10.0.0.2", 8080))),
        seedRoute());
  }

  public static IrLocality locality(
      String region, int weight, ResourceOrigin backend, IrEndpoint... endpoints) {
    return new IrLocality(region, weight, List.of(endpoints), ResourceMetadata.of(backend));
  }

  public static IrEndpoint endpoint(String address, int port) {
    return new IrEndpoint(address, port, ResourceMetadata.NONE);
  }

  public static IrMatch prefix(String path) {
    return new IrMatch(IrMatch.PathType.PREFIX, path, List.of(), List.of());
  }

  public static IrRoute route(
      String name, IrMatch match, IrAction action, ResourceMetadata metadata) {
    return new IrRoute(name, match, action, null, null, null, metadata);
  }

  public static IrGateway rich() {
    return rich(null);
  }

  /** The rich Gateway; with {@code order}, every list and map the IR sorts arrives shuffled. */
  public static IrGateway rich(Random order) {
    Map<String, String> annotations = new HashMap<>();
    for (String key :
        shuffled(List.of("team", "owner", "tier", "cost-center", "zone", "app"), order)) {
      annotations.put(key, key + "-value");
    }
    ResourceOrigin shop = httpRoute("shop", "web", "main", annotations);
    ResourceOrigin api =
        new ResourceOrigin(
            "GRPCRoute", ROUTE_GV, "shop", "api", null, Map.of(), Map.of("app", "api"));
    ResourceMetadata sharedHost =
        new ResourceMetadata(
            shuffled(
                List.of(
                    gatewayListener("infra", "gw", "http"),
                    gatewayListener("infra", "gw", "http-alt"),
                    gatewayListener("infra", "edge", "http")),
                order));

    IrMatch headersAndQuery =
        new IrMatch(
            IrMatch.PathType.EXACT,
            "/checkout",
            List.of(
                new StringMatch(":method", false, "POST"),
                new StringMatch("x-canary", true, "tr(ue|y)")),
            List.of(new StringMatch("lang", false, "en"), new StringMatch("v", true, "[0-9]+")));
    IrRoute checkout =
        new IrRoute(
            "httproute/shop/web/rule/0/match/0/shop_example_com",
            headersAndQuery,
            new IrAction.Forward(
                "httproute/shop/web/rule/0",
                3,
                1,
                List.of(),
                "internal.shop",
                null,
                "/pay",
                "1h2m500ms",
                "10s",
                null,
                List.of(new IrAction.Mirror("httproute/shop/web/rule/0/mirror/0", 12.5))),
            new IrHeaderChanges(
                List.of(new IrHeaderChanges.Header("x-env", "prod")),
                List.of(new IrHeaderChanges.Header("x-trace", "on")),
                List.of("x-debug")),
            new IrHeaderChanges(
                List.of(),
                List.of(new IrHeaderChanges.Header("x-served-by", "gatewire")),
                List.of("server")),
            new IrCors(
                List.of("https://www.example.com", "https://*.example.org"),
                List.of("GET", "POST"),
                List.of("x-a"),
                List.of("x-b"),
                true,
                3600),
            new ResourceMetadata(List.of(shop)));
    IrRoute strip =
        route(
            "httproute/shop/web/rule/1/match/0/shop_example_com",
            prefix("/static/"),
            new IrAction.Forward(
                "httproute/shop/web/rule/1",
                1,
                0,
                List.of(),
                null,
                "/",
                null,
                "0s",
                null,
                null,
                List.of(new IrAction.Mirror("httproute/shop/web/rule/1", 100))),
            ResourceMetadata.of(httpRoute("shop", "web", null, Map.of())));
    IrRoute regex =
        route(
            "httproute/shop/web/rule/2/match/0/shop_example_com",
            new IrMatch(IrMatch.PathType.REGEX, "/items/[0-9]+", List.of(), List.of()),
            new IrAction.DirectResponse(500),
            ResourceMetadata.of(httpRoute("shop", "web", null, Map.of())));
    IrRoute redirect =
        route(
            "httproute/shop/web/rule/3/match/0/shop_example_com",
            prefix("/old"),
            new IrAction.Redirect("https", "new.shop.example.com", 8443, null, "/new", 308),
            ResourceMetadata.of(httpRoute("shop", "web", null, Map.of())));
    IrRoute grpc =
        route(
            "grpcroute/shop/api/rule/0/match/0/api_example_com",
            prefix("/shop.Cart/"),
            IrAction.Forward.to("grpcroute/shop/api/rule/0"),
            ResourceMetadata.of(api));

    IrVirtualHost shopHost =
        new IrVirtualHost(
            "infra/gw/http/shop_example_com",
            List.of("shop.example.com"),
            List.of(checkout, strip, regex, redirect),
            sharedHost);
    IrVirtualHost apiHost =
        new IrVirtualHost(
            "infra/gw/https/api_example_com",
            List.of("api.example.com"),
            List.of(grpc),
            ResourceMetadata.of(gatewayListener("infra", "gw", "https")));

    List<IrCluster> clusters =
        List.of(
            new IrCluster(
                "httproute/shop/web/rule/0",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.HTTP1,
                List.of(
                    locality(
                        "httproute/shop/web/rule/0/backend/0",
                        3,
                        service("shop", "web", 80),
                        endpoint("10.1.0.1", 8080),
                        endpoint("10.1.0.2", 8080)),
                    new IrLocality(
                        "httproute/shop/web/rule/0/backend/2",
                        2,
                        List.of(
                            new IrEndpoint(
                                "10.1.0.3",
                                8080,
                                ResourceMetadata.of(service("shop", "web-v2", 80)))),
                        ResourceMetadata.of(service("shop", "web-v2", 80)))),
                new ResourceMetadata(
                    shuffled(List.of(shop, httpRoute("other", "web", "main", Map.of())), order))),
            new IrCluster(
                "httproute/shop/web/rule/0/mirror/0",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.HTTP1,
                List.of(),
                ResourceMetadata.of(shop)),
            new IrCluster(
                "httproute/shop/web/rule/1",
                IrCluster.Discovery.STRICT_DNS,
                IrCluster.Protocol.HTTP1,
                List.of(
                    new IrLocality(
                        "httproute/shop/web/rule/1/backend/0",
                        1,
                        List.of(endpoint("cdn.example.net", 443)),
                        ResourceMetadata.of(
                            new ResourceOrigin(
                                "Backend",
                                "gateway.envoyproxy.io/v1alpha1",
                                "shop",
                                "cdn",
                                null,
                                Map.of(),
                                Map.of())))),
                ResourceMetadata.of(httpRoute("shop", "web", null, Map.of()))),
            new IrCluster(
                "grpcroute/shop/api/rule/0",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.HTTP2,
                List.of(
                    locality(
                        "grpcroute/shop/api/rule/0/backend/0",
                        1,
                        service("shop", "api", 9000),
                        endpoint("10.2.0.1", 9000))),
                ResourceMetadata.of(api)),
            seedCluster());

    List<IrListener> listeners =
        List.of(
            new IrListener("infra/gw/http", "0.0.0.0", 8080, "infra/gw/http", List.of()),
            new IrListener(
                "infra/gw/https",
                "0.0.0.0",
                8443,
                null,
                List.of(
                    new IrTlsChain(
                        "infra/gw/https/api",
                        List.of("api.example.com"),
                        List.of("infra/api-cert"),
                        "infra/gw/https/api"))));
    List<IrRouteConfig> routeConfigs =
        List.of(
            new IrRouteConfig("infra/gw/http", List.of(shopHost)),
            new IrRouteConfig("infra/gw/https/api", List.of(apiHost)));
    List<IrSecret> secrets =
        List.of(
            new IrSecret(
                "infra/api-cert",
                bytes(TestCertificate.RSA.chainPem()),
                bytes(TestCertificate.RSA.traditionalKeyPem())));
    return new IrGateway(
        "infra/gw",
        shuffled(listeners, order),
        shuffled(routeConfigs, order),
        shuffled(clusters, order),
        shuffled(secrets, order));
  }

  /** A route origin of a TLSRoute, TCPRoute or UDPRoute ({@code kind}). */
  public static ResourceOrigin l4Route(
      String kind, String namespace, String name, String ruleName) {
    return new ResourceOrigin(kind, ROUTE_GV, namespace, name, ruleName, Map.of(), Map.of());
  }

  /**
   * A Gateway with every L4 shape: TCP on 5432 (two weighted backends), TLS passthrough on 8443
   * (two routes by SNI), TLS terminate on 9443 (a certificate over SDS) and UDP on 5353.
   */
  public static IrGateway l4() {
    List<IrCluster> clusters =
        List.of(
            new IrCluster(
                "tcproute/data/db/rule/0",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.L4,
                List.of(
                    locality(
                        "tcproute/data/db/rule/0/backend/0",
                        70,
                        service("data", "db-a", 5432),
                        endpoint("10.5.0.1", 5432)),
                    locality(
                        "tcproute/data/db/rule/0/backend/1",
                        30,
                        service("data", "db-b", 5432),
                        endpoint("10.5.0.2", 5432))),
                ResourceMetadata.of(l4Route("TCPRoute", "data", "db", "primary"))),
            l4Cluster("tlsroute/apps/a/rule/0", "TLSRoute", "apps", "a", "10.6.0.1", 443),
            l4Cluster("tlsroute/apps/b/rule/0", "TLSRoute", "apps", "b", "10.6.0.2", 443),
            l4Cluster("tlsroute/apps/mail/rule/0", "TLSRoute", "apps", "mail", "10.6.0.3", 25),
            l4Cluster("udproute/infra/dns/rule/0", "UDPRoute", "infra", "dns", "10.7.0.1", 53));
    List<IrListener> listeners =
        List.of(
            new IrListener(
                "infra/l4/5432",
                "0.0.0.0",
                5432,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "db/tcproute/data/db", List.of(), List.of(), "tcproute/data/db/rule/0")),
                null),
            new IrListener(
                "infra/l4/8443",
                "0.0.0.0",
                8443,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "tls/tlsroute/apps/a",
                        List.of("a.example.com"),
                        List.of(),
                        "tlsroute/apps/a/rule/0"),
                    new IrProxyChain(
                        "tls/tlsroute/apps/b",
                        List.of("*.b.example.com"),
                        List.of(),
                        "tlsroute/apps/b/rule/0")),
                null),
            new IrListener(
                "infra/l4/9443",
                "0.0.0.0",
                9443,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "smtps/tlsroute/apps/mail",
                        List.of("mail.example.com"),
                        List.of("infra/mail-cert"),
                        "tlsroute/apps/mail/rule/0")),
                null),
            new IrListener(
                "infra/l4/5353/udp",
                "0.0.0.0",
                5353,
                null,
                List.of(),
                List.of(),
                "udproute/infra/dns/rule/0"));
    return new IrGateway(
        "infra/l4",
        listeners,
        List.of(),
        clusters,
        List.of(
            new IrSecret(
                "infra/mail-cert",
                bytes(TestCertificate.ECDSA.chainPem()),
                bytes(TestCertificate.ECDSA.keyPem()))));
  }

  private static IrCluster l4Cluster(
      String name, String kind, String namespace, String route, String address, int port) {
    return new IrCluster(
        name,
        IrCluster.Discovery.EDS,
        IrCluster.Protocol.L4,
        List.of(
            locality(
                name + "/backend/0", 1, service(namespace, route, port), endpoint(address, port))),
        ResourceMetadata.of(l4Route(kind, namespace, route, null)));
  }

  /** PEM text as a Secret's data holds it: a committed test-only certificate or key. */
  private static byte[] bytes(String pem) {
    return pem.getBytes(StandardCharsets.US_ASCII);
  }

  private static <T> List<T> shuffled(List<T> list, Random order) {
    if (order == null) {
      return list;
    }
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, order);
    return copy;
  }
}
