package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigurationSourceTest {
  private static final String NAMESPACE_APPS =
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n";
  private static final String SERVICE_WEB =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n"
          + "spec: {ports: [{port: 80}]}\n";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static LoadResult load(Path... paths) throws SourceException {
    return new FileConfigurationSource(List.of(paths)).loadWithWarnings();
  }

  private static SourceException loadError(Path... paths) {
    SourceException error = catchThrowableOfType(SourceException.class, () -> load(paths));
    assertThat(error).as("loading should fail").isNotNull();
    return error;
  }

  private static List<ObjectRef> refs(GatewayResources resources) {
    return resources.all().stream().map(KubernetesObject::ref).toList();
  }

  @Test
  void multiDocumentYaml_givesEveryObject() throws Exception {
    Path file = write("all.yaml", NAMESPACE_APPS + "---\n" + SERVICE_WEB);

    LoadResult result = load(file);

    assertThat(refs(result.resources()))
        .containsExactly(
            new ObjectRef("Service", "apps", "web"), new ObjectRef("Namespace", "", "apps"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void emptyDocumentsAndCommentOnlyDocuments_areSkipped() throws Exception {
    Path file =
        write(
            "sparse.yaml",
            "---\n# nothing here\n---\n---\n" + NAMESPACE_APPS + "---\n# trailing comment\n");

    LoadResult result = load(file);

    assertThat(refs(result.resources())).containsExactly(new ObjectRef("Namespace", "", "apps"));
  }

  @Test
  void jsonFile_isReadWithTheJsonParser() throws Exception {
    Path file =
        write(
            "svc.json",
            """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "apps"},
         "spec": {"ports": [{"port": 80}]}}
        """);

    assertThat(refs(load(file).resources()))
        .containsExactly(new ObjectRef("Service", "apps", "web"));
  }

  @Test
  void listKind_givesItsItems() throws Exception {
    Path file =
        write(
            "list.json",
            """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "apps"}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "apps"}}
        ]}
        """);

    assertThat(refs(load(file).resources()))
        .containsExactly(
            new ObjectRef("Service", "apps", "web"), new ObjectRef("Namespace", "", "apps"));
  }

  @Test
  void directory_readsManifestsBelowItInSortedOrderAndSkipsOtherAndHiddenFiles() throws Exception {
    write("b/route.yml", SERVICE_WEB.replace("name: web", "name: second"));
    write("a/nested/deeper/svc.yaml", SERVICE_WEB);
    write(
        "c.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"apps\"}}");
    write("notes.txt", "not a manifest");
    write("..2024_01_01/svc.yaml", SERVICE_WEB.replace("name: web", "name: hidden-copy"));
    write(".hidden.yaml", SERVICE_WEB.replace("name: web", "name: hidden"));
    write("b/z.yaml", SERVICE_WEB);

    LoadResult result = load(dir);

    assertThat(refs(result.resources()))
        .containsExactly(
            new ObjectRef("Service", "apps", "second"),
            new ObjectRef("Service", "apps", "web"),
            new ObjectRef("Namespace", "", "apps"));
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith(
            dir.resolve("b/z.yaml")
                + ":1: Service apps/web replaces the one at "
                + dir.resolve("a/nested/deeper/svc.yaml")
                + ":1");
  }

  @Test
  void directoryGivenAsALink_isReadThroughTheLinkAndNamedByIt() throws Exception {
    write(
        "real/app.yaml",
        SERVICE_WEB + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

    LoadResult result = load(link);

    assertThat(refs(result.resources())).containsExactly(new ObjectRef("Service", "apps", "web"));
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith(link.resolve("app.yaml") + ":6: ");
  }

  @Test
  void fileNamedTwice_isReadOnce() throws Exception {
    Path file = write("svc.yaml", SERVICE_WEB);

    assertThat(load(file, dir).warnings()).isEmpty();
  }

  @Test
  void dash_readsStdinOnceAndEveryLoadSeesIt() throws Exception {
    ByteArrayInputStream stdin =
        new ByteArrayInputStream(SERVICE_WEB.getBytes(StandardCharsets.UTF_8));
    FileConfigurationSource source = new FileConfigurationSource(List.of(Path.of("-")), stdin);

    assertThat(refs(source.load())).containsExactly(new ObjectRef("Service", "apps", "web"));
    assertThat(refs(source.load())).containsExactly(new ObjectRef("Service", "apps", "web"));
  }

  @Test
  void errorInStdin_isLocatedInStdin() {
    ByteArrayInputStream stdin =
        new ByteArrayInputStream(
            "apiVersion: v1\nkind: Service\nmetadata: {}\n".getBytes(StandardCharsets.UTF_8));
    FileConfigurationSource source = new FileConfigurationSource(List.of(Path.of("-")), stdin);

    SourceException error = catchThrowableOfType(SourceException.class, source::load);

    assertThat(error.getMessage()).isEqualTo("<stdin>:3: Service: metadata.name: required");
  }

  @Test
  void unknownKind_isSkippedWithAWarningNamingFileLineAndObject() throws Exception {
    Path file =
        write(
            "app.yaml",
            SERVICE_WEB
                + "---\napiVersion: apps/v1\nkind: Deployment\n"
                + "metadata: {name: web, namespace: apps}\nspec: {replicas: 1}\n");

    LoadResult result = load(file);

    assertThat(refs(result.resources())).containsExactly(new ObjectRef("Service", "apps", "web"));
    assertThat(result.warnings())
        .containsExactly(file + ":6: skipped unsupported kind apps/v1 Deployment apps/web");
  }

  @Test
  void brokenYaml_isAnErrorWithFileAndLine() throws Exception {
    Path file =
        write(
            "broken.yaml",
            SERVICE_WEB + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n  b: c\n");

    SourceException error = loadError(file);

    assertThat(error.location()).isEqualTo(file + ":10");
    assertThat(error.getMessage())
        .startsWith(file + ":10: invalid YAML: ")
        .contains("expected ',' or ']'")
        .doesNotContain("\n");
  }

  @Test
  void brokenJson_isAnErrorWithFileAndLine() throws Exception {
    Path file =
        write(
            "broken.json",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\"\n  \"metadata\": {}\n}\n");

    SourceException error = loadError(file);

    assertThat(error.location()).isEqualTo(file + ":4");
    assertThat(error.getMessage()).startsWith(file + ":4: invalid JSON: Unexpected character");
  }

  @Test
  void duplicateKey_isAnErrorAtTheSecondKey() throws Exception {
    Path file =
        write("dup.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nkind: Secret\n");

    SourceException error = loadError(file);

    assertThat(error.getMessage()).isEqualTo(file + ":4: invalid YAML: Duplicate field 'kind'");
  }

  @Test
  void wrongFieldType_isAnErrorAtTheFieldsLineNamingTheObject() throws Exception {
    Path file =
        write(
            "bad.yaml",
            """
        # a comment first
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
        spec:
          rules:
          - backendRefs:
            - name: web
              port: eighty
        """);

    SourceException error = loadError(file);

    assertThat(error.location()).isEqualTo(file + ":14");
    assertThat(error.getMessage())
        .isEqualTo(
            file
                + ":14: HTTPRoute default/web: spec.rules[0].backendRefs[0].port: Invalid value:"
                + " \"eighty\": spec.rules[0].backendRefs[0].port in body must be of type integer:"
                + " \"string\"");
  }

  @Test
  void missingRequiredField_pointsAtTheLineOfItsParent() throws Exception {
    Path file =
        write(
            "gw.yaml",
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          gatewayClassName: gatewire
          listeners:
          - name: http
            protocol: HTTP
        """);

    SourceException error = loadError(file);

    assertThat(error.getMessage())
        .isEqualTo(file + ":7: Gateway infra/edge: spec.listeners[0].port: Required value");
  }

  @Test
  void invalidItemOfAList_pointsAtTheFieldInsideTheItem() throws Exception {
    Path file =
        write(
            "list.yaml",
            """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: apps}
        - apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            ports:
            - port: http
        """);

    SourceException error = loadError(file);

    assertThat(error.getMessage())
        .isEqualTo(
            file
                + ":12: Service default/web: spec.ports[0].port: cannot parse \"http\" as an integer");
  }

  @Test
  void documentThatIsNotAMapping_isAnErrorAtItsLine() throws Exception {
    Path file = write("scalar.yaml", NAMESPACE_APPS + "---\njust text\n");

    SourceException error = loadError(file);

    assertThat(error.getMessage()).startsWith(file + ":5: expected a Kubernetes object");
  }

  @Test
  void missingFile_isAnErrorNamingThePath() {
    Path missing = dir.resolve("nope.yaml");

    SourceException error = loadError(missing);

    assertThat(error.location()).isEqualTo(missing.toString());
    assertThat(error.getMessage()).isEqualTo(missing + ": no such file or directory");
  }

  @Test
  void duplicateObject_lastOneWinsWithAWarningNamingBothLocations() throws Exception {
    Path first = write("1-first.yaml", SERVICE_WEB);
    Path second =
        write(
            "2-second.yaml",
            NAMESPACE_APPS + "---\n" + SERVICE_WEB.replace("port: 80", "port: 8080"));

    LoadResult result = load(first, second);

    assertThat(result.resources().services())
        .singleElement()
        .satisfies(service -> assertThat(service.ports().get(0).port()).isEqualTo(8080));
    assertThat(result.warnings())
        .containsExactly(
            second
                + ":5: Service apps/web replaces the one at "
                + first
                + ":1 (the last definition wins)");
  }
}
