package io.gatewire.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.settings.ProxySettingsSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The input of one translation is a value: any order of the same documents gives an equal value,
 * every object lands in the list of its kind, and a later document with the same reference replaces
 * the earlier one.
 */
class GatewayResourcesTest {
  private static ObjectMeta meta(String kind, String namespace, String name) {
    return ObjectMeta.of(kind, "v1", namespace, name);
  }

  private static Service service(String namespace, String name, String clusterIp) {
    return new Service(
        meta("Service", namespace, name),
        "ClusterIP",
        Optional.of(clusterIp),
        Optional.empty(),
        List.of());
  }

  /** One object of every kind the translation reads. */
  private static List<KubernetesObject> oneOfEachKind() {
    return List.of(
        new GatewayClass(meta("GatewayClass", "", "gc"), "ctl"),
        new Gateway(meta("Gateway", "ns", "gw"), "gc", List.of()),
        new HttpRoute(meta("HTTPRoute", "ns", "http"), List.of(), List.of(), List.of()),
        new GrpcRoute(meta("GRPCRoute", "ns", "grpc"), List.of(), List.of(), List.of()),
        new L4Route(meta("TCPRoute", "ns", "tcp"), List.of(), List.of(), List.of()),
        new ReferenceGrant(meta("ReferenceGrant", "ns", "grant"), List.of(), List.of()),
        service("ns", "svc", "10.0.0.1"),
        new EndpointSlice(
            meta("EndpointSlice", "ns", "svc-1"), "svc", "IPv4", List.of(), List.of()),
        new ServiceImport(meta("ServiceImport", "ns", "imp"), "ClusterSetIP", List.of(), List.of()),
        new Backend(meta("Backend", "ns", "be"), List.of(), List.of()),
        new Namespace(meta("Namespace", "", "ns")),
        new Secret(meta("Secret", "ns", "cert"), "Opaque", Map.of()),
        new ProxySettings(meta("ProxySettings", "ns", "ps"), ProxySettingsSpec.EMPTY));
  }

  @Test
  void builder_putsEveryObjectInTheListOfItsKind() {
    GatewayResources r = GatewayResources.builder().addAll(oneOfEachKind()).build();
    assertThat(r.gatewayClasses()).extracting(o -> o.meta().name()).containsExactly("gc");
    assertThat(r.gateways()).extracting(o -> o.meta().name()).containsExactly("gw");
    assertThat(r.httpRoutes()).extracting(o -> o.meta().name()).containsExactly("http");
    assertThat(r.grpcRoutes()).extracting(o -> o.meta().name()).containsExactly("grpc");
    assertThat(r.l4Routes()).extracting(o -> o.meta().name()).containsExactly("tcp");
    assertThat(r.referenceGrants()).extracting(o -> o.meta().name()).containsExactly("grant");
    assertThat(r.services()).extracting(o -> o.meta().name()).containsExactly("svc");
    assertThat(r.endpointSlices()).extracting(o -> o.meta().name()).containsExactly("svc-1");
    assertThat(r.serviceImports()).extracting(o -> o.meta().name()).containsExactly("imp");
    assertThat(r.backends()).extracting(o -> o.meta().name()).containsExactly("be");
    assertThat(r.namespaces()).extracting(o -> o.meta().name()).containsExactly("ns");
    assertThat(r.secrets()).extracting(o -> o.meta().name()).containsExactly("cert");
    assertThat(r.proxySettings()).extracting(o -> o.meta().name()).containsExactly("ps");
    assertThat(r.all()).containsExactlyInAnyOrderElementsOf(oneOfEachKind());
  }

  @Test
  void anyDocumentOrder_givesAnEqualValueInReferenceOrder() {
    List<KubernetesObject> objects = new ArrayList<>(oneOfEachKind());
    objects.add(service("b", "svc", "10.0.0.2"));
    objects.add(service("a", "zz", "10.0.0.3"));
    objects.add(service("a", "aa", "10.0.0.4"));
    GatewayResources forward = GatewayResources.builder().addAll(objects).build();
    Collections.reverse(objects);
    GatewayResources backward = GatewayResources.builder().addAll(objects).build();

    assertThat(backward).isEqualTo(forward);
    assertThat(backward.all()).isEqualTo(forward.all());
    assertThat(forward.services())
        .extracting(s -> s.meta().ref().namespacedName())
        .containsExactly("a/aa", "a/zz", "b/svc", "ns/svc");
  }

  @Test
  void theRecordSortsWhatItIsGiven_andKeepsItUnmodifiable() {
    List<Service> services =
        new ArrayList<>(List.of(service("b", "x", "10.0.0.1"), service("a", "y", "10.0.0.2")));
    GatewayResources r =
        new GatewayResources(
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), services, List.of(),
            List.of(), List.of(), List.of(), List.of(), null);
    services.clear();
    assertThat(r.services()).extracting(s -> s.meta().namespace()).containsExactly("a", "b");
    assertThat(r.proxySettings()).isEmpty();
    assertThatThrownBy(() -> r.services().add(service("c", "z", "10.0.0.3")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLaterObjectWithTheSameReference_replacesTheEarlierOne() {
    GatewayResources r =
        GatewayResources.builder()
            .add(service("ns", "svc", "10.0.0.1"))
            .add(service("ns", "svc", "10.0.0.9"))
            .build();
    assertThat(r.services())
        .singleElement()
        .extracting(s -> s.clusterIp().orElseThrow())
        .isEqualTo("10.0.0.9");
  }

  @Test
  void withEndpointSlices_replacesOnlyTheSlices() {
    GatewayResources r = GatewayResources.builder().addAll(oneOfEachKind()).build();
    EndpointSlice slice =
        new EndpointSlice(
            meta("EndpointSlice", "ns", "svc-2"),
            "svc",
            "IPv4",
            List.of(new EndpointSlice.Port("p", OptionalInt.of(80), "TCP")),
            List.of());
    GatewayResources changed = r.withEndpointSlices(List.of(slice));
    assertThat(changed.endpointSlices()).containsExactly(slice);
    assertThat(changed.withEndpointSlices(r.endpointSlices())).isEqualTo(r);
  }

  @Test
  void empty_holdsNothing() {
    assertThat(GatewayResources.EMPTY.all()).isEmpty();
  }
}
