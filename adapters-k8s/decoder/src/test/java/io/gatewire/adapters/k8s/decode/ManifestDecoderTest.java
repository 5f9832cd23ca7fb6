package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decode;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.Namespace;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.SourceException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestDecoderTest {

  @Test
  void unknownKind_isSkippedWithAWarningNamingIt() throws SourceException {
    DecodedDocument decoded =
        decode(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: echo, namespace: infra}
        spec: {replicas: 2}
        """);

    assertThat(decoded.objects()).isEmpty();
    assertThat(decoded.warnings())
        .containsExactly("doc.yaml#: skipped unsupported kind apps/v1 Deployment infra/echo");
  }

  @Test
  void knownKindInAnUnservedVersion_isSkippedWithAWarning() throws SourceException {
    DecodedDocument decoded =
        decode(
            """
        apiVersion: gateway.networking.k8s.io/v9
        kind: HTTPRoute
        metadata: {name: web}
        """);

    assertThat(decoded.objects()).isEmpty();
    assertThat(decoded.warnings())
        .containsExactly(
            "doc.yaml#: skipped unsupported kind gateway.networking.k8s.io/v9 HTTPRoute web");
  }

  @Test
  void list_unwrapsItemsEachWithItsOwnLocation() throws SourceException {
    DecodedDocument decoded =
        decode(
            """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: infra}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: echo}
        - apiVersion: gateway.networking.k8s.io/v1
          kind: GatewayClass
          metadata: {name: gatewire}
          spec: {controllerName: gatewire.io/gateway-controller}
        """);

    assertThat(decoded.objects())
        .extracting(o -> o.object().ref(), DecodedObject::location)
        .containsExactly(
            tuple(new ObjectRef("Namespace", "", "infra"), "doc.yaml#/items/0"),
            tuple(new ObjectRef("GatewayClass", "", "gatewire"), "doc.yaml#/items/2"));
    assertThat(decoded.warnings())
        .containsExactly("doc.yaml#/items/1: skipped unsupported kind apps/v1 Deployment echo");
  }

  @Test
  void typedList_givesItemsWithoutApiVersionAndKindThoseOfTheList() throws SourceException {
    DecodedDocument decoded =
        decode(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRouteList
        items:
        - metadata: {name: a, namespace: apps}
        - metadata: {name: b, namespace: apps}
        """);

    assertThat(decoded.objects())
        .extracting(o -> o.object().meta().groupVersion() + " " + o.object().ref())
        .containsExactly(
            "gateway.networking.k8s.io/v1 HTTPRoute apps/a",
            "gateway.networking.k8s.io/v1 HTTPRoute apps/b");
  }

  @Test
  void invalidItemOfAList_failsAtTheItem() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {ports: [{port: eighty}]}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/items/0/spec/ports/0/port");
    assertThat(error.getMessage())
        .endsWith("Service default/web: spec.ports[0].port: cannot parse \"eighty\" as an integer");
  }

  @Test
  void wrongScalarType_namesObjectFieldAndValue() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          rules:
          - backendRefs:
            - name: web
              port: eighty
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/rules/0/backendRefs/0/port");
    assertThat(error.getMessage())
        .isEqualTo(
            "doc.yaml#/spec/rules/0/backendRefs/0/port: HTTPRoute default/web: "
                + "spec.rules[0].backendRefs[0].port: cannot parse \"eighty\" as an integer");
  }

  @Test
  void mappingWhereAListBelongs_saysWhatWasExpectedAndFound() {
    SourceException error =
        decodeError(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: apps}
        spec:
          hostnames: {a: b}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/hostnames");
    assertThat(error.getMessage())
        .endsWith("HTTPRoute apps/web: spec.hostnames: expected a list, found a mapping");
  }

  @Test
  void fractionalNumberWhereAnIntegerBelongs_isRejected() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 80.5}]}
        """);

    assertThat(error.getMessage())
        .endsWith("spec.ports[0].port: expected an integer, found the number 80.5");
  }

  @Test
  void labelThatIsNotAString_namesTheLabelKey() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: infra
          labels: {team: {a: b}}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/metadata/labels/team");
    assertThat(error.getMessage())
        .endsWith("Namespace infra: metadata.labels[team]: expected a string, found a mapping");
  }

  @Test
  void missingApiVersion_isAnErrorAtTheDocument() {
    SourceException error =
        decodeError(
            """
        kind: Service
        metadata: {name: web}
        """);

    assertThat(error.getMessage()).isEqualTo("doc.yaml#: apiVersion: required");
  }

  @Test
  void missingKind_isAnError() {
    assertThat(decodeError("apiVersion: v1\nmetadata: {name: web}\n").getMessage())
        .isEqualTo("doc.yaml#: kind: required");
  }

  @Test
  void kindThatIsNotAString_isAnErrorAtTheKind() {
    SourceException error = decodeError("apiVersion: v1\nkind: [Service]\nmetadata: {name: web}\n");

    assertThat(error.getMessage()).isEqualTo("doc.yaml#/kind: kind: expected a non-empty string");
  }

  @Test
  void missingName_isAnErrorNamingTheKind() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Service
        metadata: {namespace: apps}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/metadata/name");
    assertThat(error.getMessage()).endsWith(": Service: metadata.name: required");
  }

  @Test
  void documentThatIsNotAMapping_isAnError() {
    SourceException error = decodeError("- a\n- b\n");

    assertThat(error.getMessage())
        .isEqualTo(
            "doc.yaml#: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a list");
  }

  @Test
  void metadata_keepsKindAndApiVersionAsWrittenLabelsAnnotationsGenerationAndCreation()
      throws SourceException {
    HttpRoute route =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata:
          name: web
          namespace: apps
          generation: 7
          creationTimestamp: "2024-05-01T10:00:00Z"
          labels: {app: web, empty: }
          annotations: {note: hi}
        """,
            HttpRoute.class);

    assertThat(route.meta())
        .isEqualTo(
            new ObjectMeta(
                "HTTPRoute",
                "gateway.networking.k8s.io/v1beta1",
                "apps",
                "web",
                Map.of("app", "web", "empty", ""),
                Map.of("note", "hi"),
                7,
                Instant.parse("2024-05-01T10:00:00Z")));
  }

  @Test
  void creationTimestampWithOffset_isReadAsAnInstant() throws SourceException {
    Namespace namespace =
        decodeOne(
            """
        apiVersion: v1
        kind: Namespace
        metadata: {name: infra, creationTimestamp: "2024-05-01T12:00:00+02:00"}
        """,
            Namespace.class);

    assertThat(namespace.meta().creationTimestamp())
        .isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
  }

  @Test
  void unparseableCreationTimestamp_isAnError() {
    SourceException error =
        decodeError(
            """
        apiVersion: v1
        kind: Namespace
        metadata: {name: infra, creationTimestamp: yesterday}
        """);

    assertThat(error.location()).isEqualTo("doc.yaml#/metadata/creationTimestamp");
    assertThat(error.getMessage())
        .endsWith(
            "Namespace infra: metadata.creationTimestamp: cannot parse \"yesterday\" as an RFC 3339 timestamp");
  }

  @Test
  void clusterScopedKind_hasNoNamespaceEvenWhenOneIsWritten() throws SourceException {
    GatewayClass gatewayClass =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire, namespace: apps}
        spec: {controllerName: gatewire.io/gateway-controller}
        """,
            GatewayClass.class);

    assertThat(gatewayClass.meta().namespace()).isEmpty();
  }

  @Test
  void unknownFields_areIgnoredAsTheApiServerPrunesThem() throws SourceException {
    HttpRoute route =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec: {futureField: 1}
        status: {parents: []}
        """,
            HttpRoute.class);

    assertThat(route.rules()).hasSize(1);
  }
}
