package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.ReferenceGrant;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind the file source reads, from real files, decoded with its defaults. The full table of
 * CRD defaults, one row each, is {@code CrdDefaultsTest} in the decoder module.
 */
class ManifestKindsFromFilesTest {
  @TempDir Path dir;

  private GatewayResources load(String content) throws IOException, SourceException {
    Path file = Files.writeString(dir.resolve("manifests.yaml"), content);
    return new FileConfigurationSource(List.of(file)).load();
  }

  @Test
  void minimalRouteAndGateway_getTheirCrdDefaults() throws Exception {
    GatewayResources resources =
        load(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge}
        spec:
          gatewayClassName: gatewire
          listeners: [{name: http, port: 80, protocol: HTTP}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          parentRefs: [{name: edge}]
          rules:
          - backendRefs: [{name: web, port: 80}]
          - matches: [{path: {value: /api}, headers: [{name: x, value: "1"}]}]
            filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]
        """);

    HttpRoute route = resources.httpRoutes().get(0);
    assertThat(route.meta().namespace()).isEqualTo("default");
    assertThat(route.meta().generation()).isEqualTo(1);
    assertThat(route.meta().creationTimestamp()).isEqualTo(Instant.EPOCH);
    assertThat(route.parentRefs()).containsExactly(ParentRef.gateway("edge"));
    assertThat(route.rules().get(0).matches()).containsExactly(HttpRouteMatch.DEFAULT);
    assertThat(route.rules().get(0).backendRefs().get(0).ref())
        .isEqualTo(BackendRef.service("web", 80, 1));
    HttpRouteMatch match = route.rules().get(1).matches().get(0);
    assertThat(match.path())
        .isEqualTo(new HttpRouteMatch.PathMatch(HttpRouteMatch.PathMatchType.PATH_PREFIX, "/api"));
    assertThat(match.headers().get(0).type()).isEqualTo(HttpRouteMatch.StringMatchType.EXACT);
    assertThat(route.rules().get(1).filters().get(0))
        .hasFieldOrPropertyWithValue("statusCode", 302);
    assertThat(resources.gateways().get(0).listeners().get(0).allowedRoutes())
        .isEqualTo(AllowedRoutes.SAME_NAMESPACE);
  }

  @Test
  void v1beta1ReferenceGrant_decodesToSameRecordAsV1() throws Exception {
    String body =
        """
        metadata: {name: allow, namespace: backends}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
          to: [{group: "", kind: Service}]
        """;
    ReferenceGrant v1 =
        load("apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\n" + body)
            .referenceGrants()
            .get(0);
    ReferenceGrant v1beta1 =
        load("apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n" + body)
            .referenceGrants()
            .get(0);

    assertThat(v1beta1.from()).isEqualTo(v1.from());
    assertThat(v1beta1.to()).isEqualTo(v1.to());
    assertThat(v1beta1.ref()).isEqualTo(v1.ref());
  }

  @Test
  void serviceImport_isRead() throws Exception {
    ServiceImport serviceImport =
        load("""
        apiVersion: multicluster.x-k8s.io/v1alpha1
        kind: ServiceImport
        metadata: {name: web, namespace: apps}
        spec: {type: ClusterSetIP, ips: [10.42.0.1], ports: [{name: http, port: 80}]}
        """)
            .serviceImports()
            .get(0);

    assertThat(serviceImport.type()).isEqualTo("ClusterSetIP");
    assertThat(serviceImport.ips()).containsExactly("10.42.0.1");
    assertThat(serviceImport.ports().get(0).port()).isEqualTo(80);
  }

  @Test
  void backend_readsIpAndFqdnEndpoints() throws Exception {
    Backend backend =
        load("""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: ext, namespace: apps}
        spec:
          endpoints:
          - ip: {address: 192.0.2.10, port: 8080}
          - fqdn: {hostname: api.example.com, port: 443}
        """)
            .backends()
            .get(0);

    assertThat(backend.endpoints())
        .containsExactly(
            new Backend.Ip("192.0.2.10", 8080), new Backend.Fqdn("api.example.com", 443));
  }

  @Test
  void endpointSlice_takesItsServiceNameFromItsLabel() throws Exception {
    GatewayResources resources =
        load(
            """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc
          namespace: apps
          labels: {kubernetes.io/service-name: web}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: [10.1.0.1]}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: imported-abc
          namespace: apps
          labels: {multicluster.kubernetes.io/service-name: imported}
        addressType: IPv4
        """);

    assertThat(resources.endpointSlices())
        .extracting(slice -> slice.serviceName())
        .containsExactly("imported", "web");
  }

  @Test
  void secret_decodesItsBase64Data() throws Exception {
    byte[] key =
        load("""
        apiVersion: v1
        kind: Secret
        metadata: {name: cert, namespace: infra}
        type: kubernetes.io/tls
        data: {tls.crt: Y2VydA==, tls.key: a2V5}
        """)
            .secrets()
            .get(0)
            .data()
            .get("tls.key");

    assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("key");
  }

  @Test
  void gatewayApiGroup_isTheDefaultParentGroup() throws Exception {
    HttpRoute route =
        load("""
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata: {name: web, namespace: apps}
        spec: {parentRefs: [{name: edge, sectionName: http}]}
        """)
            .httpRoutes()
            .get(0);

    assertThat(route.parentRefs().get(0).group()).isEqualTo(GatewayApi.GROUP);
    assertThat(route.meta().groupVersion()).isEqualTo("gateway.networking.k8s.io/v1beta1");
  }
}
