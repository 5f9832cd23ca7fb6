package io.gatewire.adapters.k8s.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives fabric8's CRUD mock API server as a cluster: installs CRDs (each with the one version it
 * should serve: the mock's discovery lists a CRD under a single version) and creates, updates and
 * deletes objects given as YAML, through the same generic resources the source watches.
 */
public final class MockCluster {
  private static final ObjectMapper YAML = new YAMLMapper();

  private final KubernetesClient client;

  public MockCluster(KubernetesClient client) {
    this.client = client;
  }

  /** Gateway API at v1 for every kind, MCS ServiceImport and Envoy Gateway Backend. */
  public static Map<String, String> allCrdsAtV1() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (WatchedKind kind : WatchedKind.CATALOG) {
      if (!kind.builtIn()) {
        versions.put(kind.kind(), kind.versions().get(0));
      }
    }
    return versions;
  }

  /** Installs a CRD for each kind of {@code versionByKind}, serving that version. */
  public MockCluster installCrds(Map<String, String> versionByKind) {
    versionByKind.forEach(
        (kindName, version) -> {
          WatchedKind kind = kind(kindName);
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .resource(
                  new CustomResourceDefinitionBuilder()
                      .withNewMetadata()
                      .withName(kind.plural() + "." + kind.group())
                      .endMetadata()
                      .withNewSpec()
                      .withGroup(kind.group())
                      .withScope(kind.namespaced() ? "Namespaced" : "Cluster")
                      .withNewNames()
                      .withKind(kind.kind())
                      .withPlural(kind.plural())
                      .withListKind(kind.kind() + "List")
                      .endNames()
                      .addNewVersion()
                      .withName(version)
                      .withServed(true)
                      .withStorage(true)
                      .endVersion()
                      .endSpec()
                      .build())
              .createOr(NonDeletingOperation::update);
        });
    return this;
  }

  /** Creates or replaces every object of a YAML stream; returns them as stored. */
  public List<GenericKubernetesResource> apply(String yaml) {
    List<GenericKubernetesResource> stored = new ArrayList<>();
    for (GenericKubernetesResource object : parse(yaml)) {
      stored.add(resource(object).createOr(NonDeletingOperation::update));
    }
    return stored;
  }

  /** Writes the status of an object (and nothing else, as a status subresource update does). */
  public GenericKubernetesResource updateStatus(String yaml) {
    GenericKubernetesResource object = parse(yaml).get(0);
    GenericKubernetesResource current = resource(object).get();
    current.setAdditionalProperty("status", object.getAdditionalProperties().get("status"));
    return resource(current).updateStatus();
  }

  public void delete(String yaml) {
    for (GenericKubernetesResource object : parse(yaml)) {
      resource(object).delete();
    }
  }

  private Resource<GenericKubernetesResource> resource(GenericKubernetesResource object) {
    String apiVersion = object.getApiVersion();
    WatchedKind kind =
        "Secret".equals(object.getKind()) ? WatchedKind.SECRET : kind(object.getKind());
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    ServedKind served = new ServedKind(kind, version);
    var resources = client.genericKubernetesResources(served.context());
    return kind.namespaced()
        ? resources.inNamespace(object.getMetadata().getNamespace()).resource(object)
        : resources.resource(object);
  }

  private static WatchedKind kind(String name) {
    return WatchedKind.CATALOG.stream()
        .filter(k -> k.kind().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a watched kind: " + name));
  }

  private static List<GenericKubernetesResource> parse(String yaml) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && !document.isNull() && !document.isEmpty()) {
          objects.add(new ObjectMapper().treeToValue(document, GenericKubernetesResource.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }
}
