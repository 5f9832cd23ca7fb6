package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.model.ServicePort;
import io.gatewire.domain.port.SourceException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ServiceImport and Backend, the kinds fabric8 has no model for. */
class OwnKindsMapperTest {

  @Test
  void serviceImport_mapsTypeIpsAndPorts() throws SourceException {
    ServiceImport serviceImport =
        decodeOne(
            """
        apiVersion: multicluster.x-k8s.io/v1alpha1
        kind: ServiceImport
        metadata: {name: web, namespace: apps}
        spec:
          type: ClusterSetIP
          ips: [10.42.0.1]
          ports: [{name: http, port: 80, appProtocol: http}, {port: 53, protocol: UDP}]
          sessionAffinity: None
        status: {clusters: [{cluster: east}]}
        """,
            ServiceImport.class);

    assertThat(serviceImport.meta().namespace()).isEqualTo("apps");
    assertThat(serviceImport.type()).isEqualTo("ClusterSetIP");
    assertThat(serviceImport.ips()).containsExactly("10.42.0.1");
    assertThat(serviceImport.ports())
        .containsExactly(
            new ServicePort("http", 80, "TCP", Optional.of("http")),
            new ServicePort("", 53, "UDP", Optional.empty()));
  }

  @Test
  void serviceImportWithAnUnknownType_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: multicluster.x-k8s.io/v1alpha1
        kind: ServiceImport
        metadata: {name: web}
        spec: {type: LoadBalancer}
        """);

    assertThat(error.getMessage())
        .endsWith(
            "ServiceImport default/web: spec.type: unsupported value \"LoadBalancer\": expected one of ClusterSetIP, Headless");
  }

  @Test
  void serviceImportPortThatIsNotANumber_isAnErrorAtThePort() {
    SourceException error =
        decodeError(
            """
        apiVersion: multicluster.x-k8s.io/v1alpha1
        kind: ServiceImport
        metadata: {name: web}
        spec: {type: Headless, ports: [{port: http}]}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/ports/0/port");
    assertThat(error.getMessage())
        .endsWith("spec.ports[0].port: cannot parse \"http\" as an integer");
  }

  @Test
  void backend_mapsIpFqdnAndUnixEndpointsAndAppProtocols() throws SourceException {
    Backend backend =
        decodeOne(
            """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: ext, namespace: apps}
        spec:
          appProtocols: [gateway.envoyproxy.io/h2c]
          endpoints:
          - ip: {address: 192.0.2.10, port: 8080}
          - fqdn: {hostname: api.example.com, port: 443}
          - unix: {path: /var/run/app.sock}
          fallback: true
        """,
            Backend.class);

    assertThat(backend.endpoints())
        .containsExactly(
            new Backend.Ip("192.0.2.10", 8080),
            new Backend.Fqdn("api.example.com", 443),
            new Backend.Unix("/var/run/app.sock"));
    assertThat(backend.appProtocols()).containsExactly("gateway.envoyproxy.io/h2c");
  }

  @Test
  void backendEndpointWithTwoKinds_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: ext}
        spec:
          endpoints:
          - {ip: {address: 192.0.2.10, port: 80}, fqdn: {hostname: a.example.com, port: 80}}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/endpoints/0");
    assertThat(error.getMessage())
        .endsWith("spec.endpoints[0]: exactly one of ip, fqdn and unix must be set");
  }

  @Test
  void backendFqdnWithoutPort_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: ext}
        spec: {endpoints: [{fqdn: {hostname: a.example.com}}]}
        """);

    assertThat(error.getMessage())
        .endsWith("Backend default/ext: spec.endpoints[0].fqdn.port: required");
    assertThat(error.location()).isEqualTo("doc.yaml#/spec/endpoints/0/fqdn/port");
  }
}
