package io.gatewire.bootstrap.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gatewire.testkit.kube.KubeApiServer;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Manifests applied to and deleted from a real API server as its administrator would, with
 * server-side apply: the API server applies the CRD defaults and validation, and refuses what it
 * refuses. Namespaces the objects need are created first; namespaces are never deleted (without a
 * controller manager a deleted namespace is never finalised and blocks its name).
 */
public final class LiveCluster {
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private final KubernetesClient admin;

  public LiveCluster(KubeApiServer server) {
    this.admin = server.admin();
  }

  KubernetesClient admin() {
    return admin;
  }

  /** The objects of a multi-document manifest, in document order. */
  public List<GenericKubernetesResource> parse(String yaml) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      objects.add(
          admin.getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class));
    }
    return objects;
  }

  /** Applies every object (Namespaces first); returns them as the API server stored them. */
  public List<GenericKubernetesResource> apply(String yaml) {
    List<GenericKubernetesResource> objects = new ArrayList<>(parse(yaml));
    objects.sort(Comparator.comparing(o -> !o.getKind().equals("Namespace")));
    Set<String> namespaces = new TreeSet<>();
    objects.stream()
        .map(o -> o.getMetadata().getNamespace())
        .filter(Objects::nonNull)
        .forEach(namespaces::add);
    for (String namespace : namespaces) {
      if (admin.namespaces().withName(namespace).get() == null
          && objects.stream()
              .noneMatch(
                  o ->
                      o.getKind().equals("Namespace")
                          && o.getMetadata().getName().equals(namespace))) {
        admin
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
    }
    List<GenericKubernetesResource> stored = new ArrayList<>();
    for (GenericKubernetesResource object : objects) {
      object.getMetadata().setCreationTimestamp(null);
      object.getMetadata().setGeneration(null);
      object.getMetadata().setResourceVersion(null);
      stored.add(
          admin.resource(object).fieldManager("gatewire-test").forceConflicts().serverSideApply());
    }
    return stored;
  }

  /** Deletes every object of the manifest but Namespaces (whose labels it clears instead). */
  public void delete(String yaml) {
    for (GenericKubernetesResource object : parse(yaml)) {
      if (object.getKind().equals("Namespace")) {
        admin
            .namespaces()
            .withName(object.getMetadata().getName())
            .edit(
                ns -> {
                  ns.getMetadata()
                      .getLabels()
                      .keySet()
                      .removeIf(k -> !k.startsWith("kubernetes.io/"));
                  return ns;
                });
        continue;
      }
      try {
        resource(object).delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
      }
    }
  }

  /** The object as stored now, or null. */
  public GenericKubernetesResource get(
      String apiVersion, String kind, String namespace, String name) {
    var resources = admin.genericKubernetesResources(apiVersion, kind);
    return namespace == null || namespace.isEmpty()
        ? resources.withName(name).get()
        : resources.inNamespace(namespace).withName(name).get();
  }

  /** The object's status as stored now (an empty map when it has none or does not exist). */
  @SuppressWarnings("unchecked")
  Map<String, Object> status(String apiVersion, String kind, String namespace, String name) {
    GenericKubernetesResource object = get(apiVersion, kind, namespace, name);
    Object status = object == null ? null : object.getAdditionalProperties().get("status");
    return status instanceof Map ? (Map<String, Object>) status : Map.of();
  }

  /**
   * Writes {@code status} through the status subresource as another controller would (a PUT with
   * the resourceVersion just read); returns the stored object.
   */
  GenericKubernetesResource writeStatus(
      String apiVersion, String kind, String namespace, String name, Map<String, Object> status) {
    GenericKubernetesResource object = get(apiVersion, kind, namespace, name);
    object.setAdditionalProperty("status", status);
    return admin.genericKubernetesResources(apiVersion, kind).resource(object).updateStatus();
  }

  private Resource<GenericKubernetesResource> resource(GenericKubernetesResource object) {
    var resources = admin.genericKubernetesResources(object.getApiVersion(), object.getKind());
    return object.getMetadata().getNamespace() == null
        ? resources.withName(object.getMetadata().getName())
        : resources
            .inNamespace(object.getMetadata().getNamespace())
            .withName(object.getMetadata().getName());
  }
}
