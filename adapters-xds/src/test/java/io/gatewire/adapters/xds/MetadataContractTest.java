package io.gatewire.adapters.xds;

import static io.gatewire.adapters.xds.testing.IrFixtures.gatewayListener;
import static io.gatewire.adapters.xds.testing.IrFixtures.httpRoute;
import static io.gatewire.adapters.xds.testing.IrFixtures.prefix;
import static io.gatewire.adapters.xds.testing.IrFixtures.route;
import static io.gatewire.adapters.xds.testing.IrFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/metadata.md, one test per row of "Where it goes", on the translated resources. */
class MetadataContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GV = "gateway.networking.k8s.io/v1";

  private final XdsTranslator translator = new XdsTranslator(MetadataOptions.DEFAULTS);

  @Test
  void seedExample_clusterNamesTheRoute_andEachLocalityItsService() throws Exception {
    XdsResources resources = translate(List.of(IrFixtures.seedCluster()), List.of());

    Cluster cluster = resources.clusters().get(0);
    assertThat(cluster.getName()).isEqualTo("httproute/myns/myroute/rule/0");
    assertThat(resources(cluster.getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "HTTPRoute",
                "groupVersion",
                GV,
                "namespace",
                "myns",
                "name",
                "myroute",
                "annotations",
                Map.of("foo", "bar")));
    ClusterLoadAssignment assignment = resources.endpoints().get(0);
    assertThat(assignment.getEndpoints(0).getLocality().getRegion())
        .isEqualTo("httproute/myns/myroute/rule/0/backend/0");
    assertThat(resources(assignment.getEndpoints(0).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "myns",
                "name",
                "svc-1",
                "sectionName",
                "8080"));
    assertThat(assignment.getEndpoints(1).getLocality().getRegion())
        .isEqualTo("httproute/myns/myroute/rule/0/backend/1");
    assertThat(resources(assignment.getEndpoints(1).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "myns",
                "name",
                "svc-2",
                "sectionName",
                "8080"));
  }

  @Test
  void virtualHost_namesEachContributingGatewayListener() throws Exception {
    VirtualHost host =
        virtualHost(
            new ResourceMetadata(
                List.of(
                    gatewayListener("infra", "gw", "https"),
                    gatewayListener("infra", "gw", "http"),
                    gatewayListener("apps", "edge", "http"))),
            ResourceMetadata.NONE);

    assertThat(resources(host.getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Gateway",
                "groupVersion",
                GV,
                "namespace",
                "apps",
                "name",
                "edge",
                "sectionName",
                "http"),
            Map.of(
                "kind",
                "Gateway",
                "groupVersion",
                GV,
                "namespace",
                "infra",
                "name",
                "gw",
                "sectionName",
                "http"),
            Map.of(
                "kind",
                "Gateway",
                "groupVersion",
                GV,
                "namespace",
                "infra",
                "name",
                "gw",
                "sectionName",
                "https"));
  }

  @Test
  void route_namesItsRoute_withTheRuleNameAsSectionWhenSet() throws Exception {
    VirtualHost named =
        virtualHost(
            ResourceMetadata.NONE,
            ResourceMetadata.of(httpRoute("ns", "r", "rule-a", Map.of("team", "a"))));
    VirtualHost unnamed =
        virtualHost(
            ResourceMetadata.NONE, ResourceMetadata.of(httpRoute("ns", "r", null, Map.of())));

    assertThat(resources(named.getRoutes(0).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "HTTPRoute",
                "groupVersion",
                GV,
                "namespace",
                "ns",
                "name",
                "r",
                "sectionName",
                "rule-a",
                "annotations",
                Map.of("team", "a")));
    assertThat(resources(unnamed.getRoutes(0).getMetadata()))
        .containsExactly(
            Map.of("kind", "HTTPRoute", "groupVersion", GV, "namespace", "ns", "name", "r"));
  }

  @Test
  void ruleCluster_namesItsRoute_withTheRuleNameWhenSet() throws Exception {
    ResourceOrigin grpc =
        new ResourceOrigin("GRPCRoute", GV, "ns", "g", "rule-b", Map.of(), Map.of());
    Cluster cluster =
        translate(
                List.of(cluster("grpcroute/ns/g/rule/0", List.of(), ResourceMetadata.of(grpc))),
                List.of())
            .clusters()
            .get(0);

    assertThat(resources(cluster.getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "GRPCRoute",
                "groupVersion",
                GV,
                "namespace",
                "ns",
                "name",
                "g",
                "sectionName",
                "rule-b"));
  }

  @Test
  void l4RouteClusters_nameTheirRoute_andEachLocalityItsService() throws Exception {
    XdsResources resources = translator.translate(IrFixtures.l4());

    Cluster tcp = clusterNamed(resources, "tcproute/data/db/rule/0");
    assertThat(resources(tcp.getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "TCPRoute",
                "groupVersion",
                GV,
                "namespace",
                "data",
                "name",
                "db",
                "sectionName",
                "primary"));
    assertThat(resources(clusterNamed(resources, "tlsroute/apps/a/rule/0").getMetadata()))
        .containsExactly(
            Map.of("kind", "TLSRoute", "groupVersion", GV, "namespace", "apps", "name", "a"));
    assertThat(resources(clusterNamed(resources, "udproute/infra/dns/rule/0").getMetadata()))
        .containsExactly(
            Map.of("kind", "UDPRoute", "groupVersion", GV, "namespace", "infra", "name", "dns"));
    ClusterLoadAssignment assignment =
        resources.endpoints().stream()
            .filter(e -> e.getClusterName().equals("tcproute/data/db/rule/0"))
            .findFirst()
            .orElseThrow();
    assertThat(assignment.getEndpointsList())
        .extracting(e -> e.getLocality().getRegion(), e -> e.getLoadBalancingWeight().getValue())
        .containsExactly(
            tuple("tcproute/data/db/rule/0/backend/0", 70),
            tuple("tcproute/data/db/rule/0/backend/1", 30));
    assertThat(resources(assignment.getEndpoints(1).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "data",
                "name",
                "db-b",
                "sectionName",
                "5432"));
    assertThat(resources.listeners())
        .allSatisfy(
            listener -> {
              assertThat(listener.hasMetadata()).isFalse();
              assertThat(listener.getFilterChainsList())
                  .allSatisfy(chain -> assertThat(chain.hasMetadata()).isFalse());
            });
  }

  @Test
  void locality_namesItsBackend_servicePortAsSection_backendWithout() throws Exception {
    ResourceOrigin backend =
        new ResourceOrigin(
            "Backend", "gateway.envoyproxy.io/v1alpha1", "ns", "ext", null, Map.of(), Map.of());
    ClusterLoadAssignment assignment =
        translate(
                List.of(
                    cluster(
                        "c",
                        List.of(
                            IrFixtures.locality(
                                "c/backend/0",
                                1,
                                service("ns", "svc", 80),
                                IrFixtures.endpoint("10.0.0.1", 80)),
                            IrFixtures.locality(
                                "c/backend/2", 4, backend, IrFixtures.endpoint("10.0.0.9", 443))),
                        ResourceMetadata.NONE)),
                List.of())
            .endpoints()
            .get(0);

    assertThat(assignment.getEndpoints(0).getLoadBalancingWeight().getValue()).isEqualTo(1);
    assertThat(resources(assignment.getEndpoints(0).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "ns",
                "name",
                "svc",
                "sectionName",
                "80"));
    assertThat(assignment.getEndpoints(1).getLocality().getRegion()).isEqualTo("c/backend/2");
    assertThat(assignment.getEndpoints(1).getLoadBalancingWeight().getValue()).isEqualTo(4);
    assertThat(resources(assignment.getEndpoints(1).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Backend",
                "groupVersion",
                "gateway.envoyproxy.io/v1alpha1",
                "namespace",
                "ns",
                "name",
                "ext"));
  }

  @Test
  void sameServiceTwiceInOneRule_givesTwoLocalitiesWithTwoRegions() throws Exception {
    ClusterLoadAssignment assignment =
        translate(
                List.of(
                    cluster(
                        "c",
                        List.of(
                            IrFixtures.locality(
                                "c/backend/0",
                                1,
                                service("ns", "svc", 80),
                                IrFixtures.endpoint("10.0.0.1", 80)),
                            IrFixtures.locality(
                                "c/backend/1",
                                1,
                                service("ns", "svc", 80),
                                IrFixtures.endpoint("10.0.0.1", 80))),
                        ResourceMetadata.NONE)),
                List.of())
            .endpoints()
            .get(0);

    assertThat(assignment.getEndpointsList())
        .extracting(l -> l.getLocality().getRegion())
        .containsExactly("c/backend/0", "c/backend/1");
    assertThat(resources(assignment.getEndpoints(0).getMetadata()))
        .isEqualTo(resources(assignment.getEndpoints(1).getMetadata()));
  }

  @Test
  void perBackendClusters_carryTheRuleMetadata_andOneLocalityNamedLikeTheCluster()
      throws Exception {
    ResourceMetadata rule = ResourceMetadata.of(httpRoute("ns", "r", null, Map.of()));
    String first = "httproute/ns/r/rule/0/backend/0";
    String second = "httproute/ns/r/rule/0/backend/1";
    XdsResources resources =
        translate(
            List.of(
                cluster(
                    first,
                    List.of(
                        IrFixtures.locality(
                            first,
                            3,
                            service("ns", "v1", 80),
                            IrFixtures.endpoint("10.0.0.1", 80))),
                    rule),
                cluster(
                    second,
                    List.of(
                        IrFixtures.locality(
                            second,
                            1,
                            service("ns", "v2", 80),
                            IrFixtures.endpoint("10.0.0.2", 80))),
                    rule)),
            List.of());

    assertThat(resources.clusters()).extracting(Cluster::getName).containsExactly(first, second);
    for (Cluster cluster : resources.clusters()) {
      assertThat(resources(cluster.getMetadata()))
          .containsExactly(
              Map.of("kind", "HTTPRoute", "groupVersion", GV, "namespace", "ns", "name", "r"));
    }
    assertThat(resources.endpoints())
        .allSatisfy(
            assignment -> {
              assertThat(assignment.getEndpointsList())
                  .singleElement()
                  .satisfies(
                      l ->
                          assertThat(l.getLocality().getRegion())
                              .isEqualTo(assignment.getClusterName()));
            });
    assertThat(resources(resources.endpoints().get(1).getEndpoints(0).getMetadata()))
        .containsExactly(
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "ns",
                "name",
                "v2",
                "sectionName",
                "80"));
  }

  @Test
  void sharedCluster_namesEveryOriginOnce() throws Exception {
    ResourceMetadata first = ResourceMetadata.of(httpRoute("ns", "r", null, Map.of()));
    ResourceMetadata second =
        ResourceMetadata.of(
            httpRoute("ns", "r", null, Map.of()), httpRoute("other", "r2", null, Map.of()));
    IrCluster shared = cluster("c", List.of(), first).mergeOrigins(cluster("c", List.of(), second));

    assertThat(resources(translate(List.of(shared), List.of()).clusters().get(0).getMetadata()))
        .containsExactly(
            Map.of("kind", "HTTPRoute", "groupVersion", GV, "namespace", "ns", "name", "r"),
            Map.of("kind", "HTTPRoute", "groupVersion", GV, "namespace", "other", "name", "r2"));
  }

  @Test
  void endpointMetadata_appearsOnLbEndpointsOnlyWhenTheIrCarriesIt() throws Exception {
    ResourceMetadata pod =
        ResourceMetadata.of(
            service("ns", "svc", 80),
            new ResourceOrigin("Pod", "v1", "ns", "svc-abc", null, Map.of(), Map.of()));
    ClusterLoadAssignment assignment =
        translate(
                List.of(
                    cluster(
                        "c",
                        List.of(
                            new IrLocality(
                                "c/backend/0",
                                1,
                                List.of(
                                    new IrEndpoint("10.0.0.1", 80, pod),
                                    IrFixtures.endpoint("10.0.0.2", 80)),
                                ResourceMetadata.of(service("ns", "svc", 80)))),
                        ResourceMetadata.NONE)),
                List.of())
            .endpoints()
            .get(0);

    assertThat(resources(assignment.getEndpoints(0).getLbEndpoints(0).getMetadata()))
        .containsExactly(
            Map.of("kind", "Pod", "groupVersion", "v1", "namespace", "ns", "name", "svc-abc"),
            Map.of(
                "kind",
                "Service",
                "groupVersion",
                "v1",
                "namespace",
                "ns",
                "name",
                "svc",
                "sectionName",
                "80"));
    assertThat(assignment.getEndpoints(0).getLbEndpoints(1).hasMetadata()).isFalse();
  }

  @Test
  void listenersFilterChainsAndRouteConfigurations_carryNoMetadata() {
    XdsResources resources =
        new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.rich());

    assertThat(resources.listeners())
        .isNotEmpty()
        .allSatisfy(
            listener -> {
              assertThat(listener.hasMetadata()).isFalse();
              assertThat(listener.getFilterChainsList())
                  .allSatisfy(chain -> assertThat(chain.hasMetadata()).isFalse());
            });
    assertThat(resources.routes())
        .isNotEmpty()
        .allSatisfy(config -> assertThat(config.hasMetadata()).isFalse());
  }

  private VirtualHost virtualHost(ResourceMetadata hostMetadata, ResourceMetadata routeMetadata) {
    IrRoute route = route("r", prefix("/"), IrAction.Forward.to("c"), routeMetadata);
    IrRouteConfig config =
        new IrRouteConfig(
            "rc", List.of(new IrVirtualHost("vh", List.of("*"), List.of(route), hostMetadata)));
    IrGateway gateway =
        new IrGateway(
            "ns/gw",
            List.of(new IrListener("l", "0.0.0.0", 80, "rc", List.of())),
            List.of(config),
            List.of(),
            List.of());
    RouteConfiguration routes = translator.translate(gateway).routes().get(0);
    return routes.getVirtualHosts(0);
  }

  private static Cluster clusterNamed(XdsResources resources, String name) {
    return resources.clusters().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private XdsResources translate(List<IrCluster> clusters, List<IrRouteConfig> routeConfigs) {
    return translator.translate(
        new IrGateway("ns/gw", List.of(), routeConfigs, clusters, List.of()));
  }

  private static IrCluster cluster(
      String name, List<IrLocality> localities, ResourceMetadata metadata) {
    return new IrCluster(
        name, IrCluster.Discovery.EDS, IrCluster.Protocol.HTTP1, localities, metadata);
  }

  /** The {@code envoy-gateway} resources list, as plain maps. */
  private static List<Map<String, Object>> resources(Metadata metadata) throws Exception {
    assertThat(metadata.getFilterMetadataMap()).containsOnlyKeys("envoy-gateway");
    assertThat(metadata.getFilterMetadataOrThrow("envoy-gateway").getFieldsMap())
        .containsOnlyKeys("resources");
    String json =
        JsonFormat.printer()
            .print(
                metadata.getFilterMetadataOrThrow("envoy-gateway").getFieldsOrThrow("resources"));
    return JSON.readValue(json, new TypeReference<>() {});
  }
}
