package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gatewire.domain.port.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Version choice against an API server in expectation mode that answers discovery as a cluster with
 * the Gateway API v1.6 standard and experimental CRDs would (ReferenceGrant only v1beta1, TCPRoute
 * and UDPRoute only v1alpha2, TLSRoute only v1alpha3) and without the MCS and Envoy Gateway CRDs
 * (404). It answers no list (404) unless a test says so.
 */
@EnableKubernetesMockClient
class ServedVersionsTest {
  private static final String GROUP = "/apis/gateway.networking.k8s.io/";

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static KubernetesConfigurationSource slow;
  private static KubernetesConfigurationSource failing;

  @BeforeAll
  static void discovery() {
    serve(
        GROUP + "v1",
        "gateway.networking.k8s.io/v1",
        "gatewayclasses",
        "gateways",
        "httproutes",
        "grpcroutes",
        "gateways/status");
    serve(
        GROUP + "v1beta1",
        "gateway.networking.k8s.io/v1beta1",
        "gatewayclasses",
        "gateways",
        "httproutes",
        "referencegrants");
    serve(GROUP + "v1alpha2", "gateway.networking.k8s.io/v1alpha2", "tcproutes", "udproutes");
    serve(GROUP + "v1alpha3", "gateway.networking.k8s.io/v1alpha3", "tlsroutes");
  }

  @AfterAll
  static void stop() {
    try {
      for (KubernetesConfigurationSource source :
          new KubernetesConfigurationSource[] {slow, failing}) {
        if (source != null) {
          source.close();
        }
      }
    } catch (RuntimeException e) {
      System.err.println("teardown: " + e);
    }
  }

  private static void serve(String path, String groupVersion, String... plurals) {
    APIResourceList list =
        new APIResourceListBuilder()
            .withGroupVersion(groupVersion)
            .withResources(
                List.of(plurals).stream()
                    .map(
                        p ->
                            new APIResourceBuilder()
                                .withName(p)
                                .withKind(p)
                                .withNamespaced(true)
                                .build())
                    .toList())
            .build();
    server.expect().get().withPath(path).andReturn(200, list).always();
  }

  @Test
  void eachKind_getsTheFirstServedVersion_andAbsentOptionalCrdsAreLeftOut() throws SourceException {
    List<ServedKind> served = new ServedVersions(client).resolve(WatchedKind.CATALOG);

    assertThat(served)
        .extracting(ServedKind::toString)
        .containsExactly(
            "gateway.networking.k8s.io/v1 GatewayClass",
            "gateway.networking.k8s.io/v1 Gateway",
            "gateway.networking.k8s.io/v1 HTTPRoute",
            "gateway.networking.k8s.io/v1 GRPCRoute",
            "gateway.networking.k8s.io/v1alpha3 TLSRoute",
            "gateway.networking.k8s.io/v1alpha2 TCPRoute",
            "gateway.networking.k8s.io/v1alpha2 UDPRoute",
            "gateway.networking.k8s.io/v1beta1 ReferenceGrant",
            "v1 Service",
            "discovery.k8s.io/v1 EndpointSlice",
            "v1 Namespace");
  }

  @Test
  void aRequiredKindNotServed_failsNamingIt() {
    WatchedKind absent =
        new WatchedKind("example.com", "Widget", "widgets", true, List.of("v1", "v1beta1"), false);

    assertThatThrownBy(() -> new ServedVersions(client).resolve(List.of(absent)))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "cluster: Widget is not served in any of [example.com/v1, example.com/v1beta1]: "
                + "install the Gateway API CRDs");
  }

  @Test
  void firstLoad_givesUpAfterTheSyncTimeout_namingTheInformersStillListing()
      throws SourceException {
    server
        .expect()
        .get()
        .delay(3, TimeUnit.SECONDS)
        .withPath("/apis/gateway.networking.k8s.io/v1/namespaces/team/gateways?resourceVersion=0")
        .andReturn(200, new GenericKubernetesResourceList())
        .always();
    slow =
        KubernetesConfigurationSource.create(
            client, new KubernetesSourceOptions(Optional.of("team"), Duration.ofSeconds(1)));

    assertThatThrownBy(slow::load)
        .isInstanceOf(SourceException.class)
        // the others name the reason their list failed (404 here); Gateway's is only slow
        .hasMessageMatching("cluster: informers not synced within PT1S: \\[.*\\bGateway[,\\]].*");
  }

  @Test
  void firstLoad_failsNamingTheInformersWhoseListFails_withTheReason_andTheyKeepTrying()
      throws SourceException {
    failing =
        KubernetesConfigurationSource.create(
            client, new KubernetesSourceOptions(Optional.of("other"), Duration.ofSeconds(5)));

    assertThatThrownBy(failing::load)
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("cluster: informers not synced within PT5S: [")
        .hasMessageContaining("HTTPRoute (")
        .hasMessageContaining("EndpointSlice (")
        .hasMessageContaining("Not Found");
  }
}
