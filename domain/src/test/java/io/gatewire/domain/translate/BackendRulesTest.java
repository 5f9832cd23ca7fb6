package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.serviceImport;
import static io.gatewire.domain.fixtures.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServicePort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Where a backendRef's traffic goes: the endpoints of each Service type and of a ServiceImport, and
 * the Gateway API backend protocol rules for a port's appProtocol.
 */
class BackendRulesTest {
  private static final String RULE = "httproute/ns/r/rule/0";

  private static TranslationResult translate(
      List<KubernetesObject> backends, HttpBackendRef... refs) {
    List<KubernetesObject> all =
        new ArrayList<>(List.of(gatewayClass("gatewire"), gateway("ns", "gw", http("web", 80))));
    all.addAll(backends);
    all.add(
        httpRoute("ns", "r")
            .parent("gw")
            .rule(
                new HttpRouteRule(
                    Optional.empty(),
                    List.of(prefix("/")),
                    List.of(),
                    Arrays.asList(refs),
                    Optional.empty(),
                    Optional.empty()))
            .build());
    return new Translator(TranslatorOptions.DEFAULTS)
        .translate(GatewayResources.builder().addAll(all).build());
  }

  private static HttpBackendRef ref(String name, int port, HttpFilter... filters) {
    return new HttpBackendRef(BackendRef.service(name, port, 1), List.of(filters));
  }

  private static Service serviceWith(String name, String type, ServicePort... ports) {
    return new Service(
        ObjectMeta.of("Service", "v1", "ns", name),
        type,
        Optional.of("None"),
        Optional.of("db.example.com"),
        List.of(ports));
  }

  private static ServicePort port(String name, int number, String appProtocol) {
    return new ServicePort(name, number, "TCP", Optional.ofNullable(appProtocol));
  }

  private static Service speaking(String name, String appProtocol) {
    return new Service(
        ObjectMeta.of("Service", "v1", "ns", name),
        "ClusterIP",
        Optional.of("10.0.0.1"),
        Optional.empty(),
        List.of(port("http", 8080, appProtocol)));
  }

  private static IrCluster cluster(TranslationResult r, String name) {
    return Outcomes.gateway(r).clusters().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> endpoints(TranslationResult r) {
    return cluster(r, RULE).localities().get(0).endpoints().stream()
        .map(e -> e.address() + ":" + e.port())
        .toList();
  }

  private static IrAction action(TranslationResult r) {
    return Outcomes.gateway(r).routeConfigs().get(0).virtualHosts().get(0).routes().get(0).action();
  }

  @Test
  void externalNameService_isReachedByItsDnsName_onAStrictDnsCluster() {
    TranslationResult r =
        translate(
            List.of(serviceWith("db", "ExternalName", port("sql", 5432, null))), ref("db", 5432));
    assertThat(endpoints(r)).containsExactly("db.example.com:5432");
    assertThat(cluster(r, RULE).discovery()).isEqualTo(IrCluster.Discovery.STRICT_DNS);
  }

  @Test
  void headlessServiceWithoutSlices_hasNoEndpointsYet() {
    TranslationResult r =
        translate(
            List.of(serviceWith("db", "ClusterIP", port("sql", 5432, null))), ref("db", 5432));
    assertThat(endpoints(r)).isEmpty();
    assertThat(cluster(r, RULE).discovery()).isEqualTo(IrCluster.Discovery.EDS);
  }

  @Test
  void slices_giveTheTargetPortOfTheSlicePortNamedLikeTheServicePort() {
    TranslationResult r =
        translate(
            List.of(
                service("ns", "svc", "10.96.0.1", 80, 8080),
                slice("ns", "svc", "svc-80", 80, 9080, "10.244.0.1"),
                slice("ns", "svc", "svc-8080", 8080, 9376, "10.244.0.2")),
            ref("svc", 8080));
    assertThat(endpoints(r)).containsExactly("10.244.0.2:9376");
  }

  @Test
  void aSliceWithoutPorts_servesTheServicePort() {
    EndpointSlice noPorts =
        new EndpointSlice(
            ObjectMeta.of("EndpointSlice", "discovery.k8s.io/v1", "ns", "svc-x")
                .withLabels(Map.of(EndpointSlice.SERVICE_NAME_LABEL, "svc")),
            "svc",
            "IPv4",
            List.of(),
            List.of(
                new EndpointSlice.Endpoint(
                    List.of("10.244.0.3"), true, Optional.empty(), Optional.empty())));
    TranslationResult r =
        translate(List.of(service("ns", "svc", "10.96.0.1", 8080), noPorts), ref("svc", 8080));
    assertThat(endpoints(r)).containsExactly("10.244.0.3:8080");
  }

  @Test
  void serviceImport_withSlicesOfItsMulticlusterLabel_usesTheirReadyAddresses() {
    EndpointSlice imported =
        new EndpointSlice(
            ObjectMeta.of("EndpointSlice", "discovery.k8s.io/v1", "ns", "imp-remote")
                .withLabels(Map.of(EndpointSlice.MCS_SERVICE_NAME_LABEL, "imp")),
            "imp",
            "IPv4",
            List.of(new EndpointSlice.Port("p80", OptionalInt.of(8080), "TCP")),
            List.of(
                new EndpointSlice.Endpoint(
                    List.of("10.2.0.1"), true, Optional.empty(), Optional.empty())));
    BackendRef ref =
        new BackendRef(
            GatewayApi.MCS_GROUP, "ServiceImport", Optional.empty(), "imp", OptionalInt.of(80), 1);
    TranslationResult r =
        translate(
            List.of(serviceImport("ns", "imp", List.of("10.1.0.1"), 80), imported),
            new HttpBackendRef(ref, List.of()));
    assertThat(cluster(r, RULE).localities().get(0).endpoints())
        .extracting(IrEndpoint::address, IrEndpoint::port)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("10.2.0.1", 8080));
  }

  @Test
  void h2cAppProtocol_makesAnHttp2Cluster_whateverTheCaseOfAShortName() {
    TranslationResult r = translate(List.of(speaking("svc", "H2C")), ref("svc", 8080));
    assertThat(cluster(r, RULE).protocol()).isEqualTo(IrCluster.Protocol.HTTP2);
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").holds()).isTrue();
  }

  @Test
  void h2cAppProtocol_onABackendWithItsOwnCluster_makesThatClusterHttp2() {
    HttpFilter header =
        new HttpFilter.HeaderModifier(
            true, List.of(new HttpFilter.Header("x", "1")), List.of(), List.of());
    TranslationResult r =
        translate(
            List.of(speaking("grpc", "kubernetes.io/h2c"), speaking("web", null)),
            ref("grpc", 8080, header),
            ref("web", 8080));
    assertThat(cluster(r, RULE + "/backend/0").protocol()).isEqualTo(IrCluster.Protocol.HTTP2);
    assertThat(cluster(r, RULE + "/backend/1").protocol()).isEqualTo(IrCluster.Protocol.HTTP1);
  }

  @Test
  void wsAppProtocol_letsTheRouteUpgradeToWebSocket_andPlainHttpDoesNot() {
    TranslationResult ws =
        translate(List.of(speaking("svc", "kubernetes.io/ws")), ref("svc", 8080));
    assertThat(((IrAction.Forward) action(ws)).webSocket()).isTrue();
    assertThat(cluster(ws, RULE).protocol()).isEqualTo(IrCluster.Protocol.HTTP1);

    TranslationResult plain = translate(List.of(speaking("svc", "http")), ref("svc", 8080));
    assertThat(((IrAction.Forward) action(plain)).webSocket()).isFalse();
  }

  @Test
  void tlsAppProtocol_isUnsupportedProtocol_becauseGatewireDoesNotOriginateTls() {
    TranslationResult r =
        translate(List.of(speaking("svc", "kubernetes.io/wss")), ref("svc", 8080));
    assertThat(action(r)).isEqualTo(new IrAction.DirectResponse(500));
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").holds()).isFalse();
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").reason())
        .isEqualTo("UnsupportedProtocol");
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").message())
        .contains("backendRef Service ns/svc port 8080")
        .contains("needs TLS to the backend");
  }

  @Test
  void unknownAppProtocol_isUnsupportedProtocol_andNamedQualifiedNamesKeepTheirCase() {
    TranslationResult r =
        translate(
            List.of(speaking("a", "Kubernetes.io/H2C"), speaking("b", null)),
            ref("a", 8080),
            ref("b", 8080));
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").reason())
        .isEqualTo("UnsupportedProtocol");
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").message())
        .contains("is not a protocol Gatewire speaks");
    IrAction.Forward forward = (IrAction.Forward) action(r);
    assertThat(forward.backendWeight()).isEqualTo(1);
    assertThat(forward.invalidWeight()).isEqualTo(1);
  }
}
