package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gatewire.domain.model.KubernetesObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decode cache and the change test, on informer objects built here (no API server). */
class DecodedObjectsTest {
  private static final ServedKind HTTP_ROUTE =
      new ServedKind(
          WatchedKind.CATALOG.stream()
              .filter(k -> k.kind().equals("HTTPRoute"))
              .findFirst()
              .orElseThrow(),
          "v1");
  private static final ServedKind SECRET = new ServedKind(WatchedKind.SECRET, "v1");

  private final ObjectTrees trees = new ObjectTrees();
  private final DecodedObjects decoded = new DecodedObjects(trees);

  @Test
  void anUnchangedResourceVersion_isNotDecodedAgain() {
    decoded.read(HTTP_ROUTE, route("web", "1", "80"));
    assertThat(decoded.finish()).isTrue();
    KubernetesObject first = decoded.objects().get(0);

    decoded.read(HTTP_ROUTE, route("web", "1", "80"));

    assertThat(decoded.finish()).isFalse();
    assertThat(decoded.objects()).singleElement().isSameAs(first);
  }

  @Test
  void aNewResourceVersionDecodingToTheSameRecord_isNoChange_butANewSpecIs() {
    decoded.read(HTTP_ROUTE, route("web", "1", "80"));
    decoded.finish();

    decoded.read(HTTP_ROUTE, route("web", "2", "80"));
    assertThat(decoded.finish()).isFalse();

    decoded.read(HTTP_ROUTE, route("web", "3", "81"));
    assertThat(decoded.finish()).isTrue();
  }

  @Test
  void aBrokenUpdate_keepsTheLastGoodObject_aDeletionRemovesIt() {
    decoded.read(HTTP_ROUTE, route("web", "1", "80"));
    decoded.finish();
    KubernetesObject good = decoded.objects().get(0);

    decoded.read(HTTP_ROUTE, route("web", "2", "eighty"));
    decoded.read(HTTP_ROUTE, route("never", "1", "eighty"));

    assertThat(decoded.finish()).isFalse();
    assertThat(decoded.objects()).containsExactly(good);

    assertThat(decoded.finish()).isTrue();
    assertThat(decoded.objects()).isEmpty();
  }

  @Test
  void aBrokenSecret_isLoggedWithoutItsData() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      decoded.read(
          SECRET,
          object(
              """
          apiVersion: v1
          kind: Secret
          metadata: {name: cert, namespace: team, uid: u1, resourceVersion: "1"}
          data: {tls.key: "PRIVATE-KEY-MATERIAL!"}
          """));
    } finally {
      System.setErr(stderr);
    }

    assertThat(decoded.finish()).isFalse();
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("cluster:Secret team/cert: not a valid Secret (details withheld")
        .doesNotContain("PRIVATE", "KEY-MATERIAL");
  }

  @Test
  void bookkeepingOnlyUpdates_areNoChange() {
    GenericKubernetesResource before = route("web", "1", "80");
    GenericKubernetesResource after = route("web", "2", "80");
    after
        .getMetadata()
        .setManagedFields(List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntry()));
    after.setAdditionalProperty("status", java.util.Map.of("parents", List.of()));

    assertThat(trees.changed(before, after)).isFalse();
    after.getMetadata().setLabels(java.util.Map.of("team", "a"));
    assertThat(trees.changed(before, after)).isTrue();
  }

  private static GenericKubernetesResource route(String name, String resourceVersion, String port) {
    return object(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: team, uid: uid-%s, resourceVersion: "%s"}
        spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: api, port: %s}]}]}
        """
            .formatted(name, name, resourceVersion, port));
  }

  private static GenericKubernetesResource object(String yaml) {
    try {
      return new ObjectMapper()
          .treeToValue(new YAMLMapper().readTree(yaml), GenericKubernetesResource.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
