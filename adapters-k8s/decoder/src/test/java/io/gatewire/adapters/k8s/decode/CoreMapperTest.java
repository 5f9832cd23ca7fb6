package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Namespace;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServicePort;
import io.gatewire.domain.port.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoreMapperTest {

  @Test
  void service_mapsTypeClusterIpAndPorts() throws SourceException {
    Service service =
        decodeOne(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        spec:
          type: NodePort
          clusterIP: 10.0.0.10
          ports:
          - {name: http, port: 80, targetPort: 8080, appProtocol: kubernetes.io/h2c}
          - {port: 53, protocol: UDP, targetPort: dns}
        """,
            Service.class);

    assertThat(service.type()).isEqualTo("NodePort");
    assertThat(service.clusterIp()).contains("10.0.0.10");
    assertThat(service.ports())
        .containsExactly(
            new ServicePort("http", 80, "TCP", Optional.of("kubernetes.io/h2c")),
            new ServicePort("", 53, "UDP", Optional.empty()));
  }

  @Test
  void targetPortThatIsNeitherNumberNorName_isAnErrorWithFabric8sReason() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 80, targetPort: [8080]}]}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/ports/0/targetPort");
    assertThat(error.getMessage())
        .endsWith(
            "Service default/web: spec.ports[0].targetPort: Either integer or string value needs to be provided");
  }

  @Test
  void headlessService_hasNoClusterIp() throws SourceException {
    Service service =
        decodeOne(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {clusterIP: None, ports: [{port: 80}]}
        """,
            Service.class);

    assertThat(service.clusterIp()).isEmpty();
  }

  @Test
  void externalNameService_keepsItsName() throws SourceException {
    Service service =
        decodeOne(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {type: ExternalName, externalName: api.example.com}
        """,
            Service.class);

    assertThat(service.externalName()).contains("api.example.com");
    assertThat(service.ports()).isEmpty();
  }

  @Test
  void externalNameService_withoutAName_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {type: ExternalName, externalName: ""}
        """);

    assertThat(error.getMessage())
        .endsWith("Service default/ext: spec.externalName: must not be empty");
  }

  @Test
  void aPortOutOfRange_orANullListItem_isAnErrorAtTheField() {
    SourceException port =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 70000}]}
        """);
    SourceException nullItem =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [null]}
        """);

    assertThat(port.getMessage())
        .endsWith(
            "Service default/web: spec.ports[0].port: must be a port between 1 and 65535,"
                + " not 70000");
    assertThat(nullItem.getMessage())
        .endsWith("Service default/web: spec.ports[0]: a list item must not be null");
  }

  @Test
  void endpointSlice_takesItsServiceNameFromTheServiceNameLabel() throws SourceException {
    EndpointSlice slice =
        decodeOne(
            """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc
          namespace: apps
          labels: {kubernetes.io/service-name: web}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints:
        - addresses: [10.1.0.1]
          conditions: {ready: true}
          zone: zone-a
          targetRef: {kind: Pod, namespace: apps, name: web-1}
        - addresses: [10.1.0.2]
          conditions: {ready: false}
        - addresses: [10.1.0.3]
        """,
            EndpointSlice.class);

    assertThat(slice.serviceName()).isEqualTo("web");
    assertThat(slice.addressType()).isEqualTo("IPv4");
    assertThat(slice.ports())
        .containsExactly(new EndpointSlice.Port("http", OptionalInt.of(8080), "TCP"));
    assertThat(slice.endpoints())
        .containsExactly(
            new EndpointSlice.Endpoint(
                List.of("10.1.0.1"),
                true,
                Optional.of("zone-a"),
                Optional.of(new ObjectRef("Pod", "apps", "web-1"))),
            new EndpointSlice.Endpoint(
                List.of("10.1.0.2"), false, Optional.empty(), Optional.empty()),
            new EndpointSlice.Endpoint(
                List.of("10.1.0.3"), null, Optional.empty(), Optional.empty()));
  }

  @Test
  void endpointSliceOfAServiceImport_takesItsServiceNameFromTheMulticlusterLabel()
      throws SourceException {
    EndpointSlice slice =
        decodeOne(
            """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-import-abc
          labels: {multicluster.kubernetes.io/service-name: web}
        addressType: IPv4
        """,
            EndpointSlice.class);

    assertThat(slice.serviceName()).isEqualTo("web");
  }

  @Test
  void endpointSliceWithoutServiceLabel_hasNoServiceName() throws SourceException {
    EndpointSlice slice =
        decodeOne(
            """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: loose}
        addressType: IPv6
        """,
            EndpointSlice.class);

    assertThat(slice.serviceName()).isEmpty();
  }

  @Test
  void namespace_isClusterScopedAndKeepsItsLabels() throws SourceException {
    Namespace namespace =
        decodeOne(
            """
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps, labels: {team: web}}
        """,
            Namespace.class);

    assertThat(namespace.ref()).isEqualTo(new ObjectRef("Namespace", "", "apps"));
    assertThat(namespace.meta().labels()).isEqualTo(Map.of("team", "web"));
  }

  @Test
  void secret_decodesBase64DataAndTakesStringDataAsWritten() throws SourceException {
    Secret secret =
        decodeOne(
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: cert, namespace: infra}
        type: kubernetes.io/tls
        data:
          tls.crt: Y2VydGlmaWNhdGU=
          tls.key: |
            a2V5
        stringData:
          ca.crt: authority
        """,
            Secret.class);

    assertThat(secret.type()).isEqualTo("kubernetes.io/tls");
    assertThat(secret.data()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
    assertThat(new String(secret.data().get("tls.crt"), StandardCharsets.UTF_8))
        .isEqualTo("certificate");
    assertThat(new String(secret.data().get("tls.key"), StandardCharsets.UTF_8)).isEqualTo("key");
    assertThat(new String(secret.data().get("ca.crt"), StandardCharsets.UTF_8))
        .isEqualTo("authority");
  }

  @Test
  void secretStringData_winsOverDataForTheSameKey() throws SourceException {
    Secret secret =
        decodeOne(
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data: {password: b2xk}
        stringData: {password: new}
        """,
            Secret.class);

    assertThat(new String(secret.data().get("password"), StandardCharsets.UTF_8)).isEqualTo("new");
  }

  @Test
  void secretDataThatIsNotBase64_isAnErrorAtTheKey() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: cert}
        data: {tls.crt: "not*base64"}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/data/tls.crt");
    assertThat(error.getMessage()).contains("Secret default/cert: data[tls.crt]: not valid base64");
  }
}
