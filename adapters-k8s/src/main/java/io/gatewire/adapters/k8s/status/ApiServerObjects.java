package io.gatewire.adapters.k8s.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * The Gateway API objects whose status Gatewire writes, read and written on the API server as
 * generic resources: one GET per {@link #find}, so the writer's fallback when no informer cache is
 * at hand, and the fresh read after a conflict. Status is written with {@code PUT .../status}
 * carrying the resourceVersion it was merged from, so a concurrent change fails with 409 instead of
 * being lost.
 */
public final class ApiServerObjects implements CurrentObjects {
  /** The kinds with a status Gatewire writes, by kind: their resource plural. */
  private static final Map<String, String> PLURALS =
      Map.of(
          "GatewayClass", "gatewayclasses",
          "Gateway", "gateways",
          "HTTPRoute", "httproutes",
          "GRPCRoute", "grpcroutes",
          "TLSRoute", "tlsroutes",
          "TCPRoute", "tcproutes",
          "UDPRoute", "udproutes");

  private final KubernetesClient client;

  public ApiServerObjects(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public CurrentObject find(StatusTarget target) {
    GenericKubernetesResource object = resource(target).get();
    return object == null ? null : current(object);
  }

  /** Replaces the status of {@code target} at {@code resourceVersion}; the new resourceVersion. */
  String writeStatus(StatusTarget target, String resourceVersion, Map<String, Object> status) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(target.apiVersion());
    object.setKind(target.kind());
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder().withName(target.name()).withResourceVersion(resourceVersion);
    if (!target.namespace().isEmpty()) {
      meta.withNamespace(target.namespace());
    }
    object.setMetadata(meta.build());
    object.setAdditionalProperty("status", status);
    return resources(target).resource(object).updateStatus().getMetadata().getResourceVersion();
  }

  private Resource<GenericKubernetesResource> resource(StatusTarget target) {
    return resources(target).withName(target.name());
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(StatusTarget target) {
    String plural = PLURALS.get(target.kind());
    if (plural == null) {
      throw new IllegalArgumentException("no status is written for kind " + target.kind());
    }
    int slash = target.apiVersion().indexOf('/');
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(target.apiVersion().substring(0, slash))
            .withVersion(target.apiVersion().substring(slash + 1))
            .withKind(target.kind())
            .withPlural(plural)
            .withNamespaced(!target.namespace().isEmpty())
            .build();
    return target.namespace().isEmpty()
        ? client.genericKubernetesResources(context)
        : client.genericKubernetesResources(context).inNamespace(target.namespace());
  }

  @SuppressWarnings("unchecked")
  private static CurrentObject current(GenericKubernetesResource object) {
    Object status = object.getAdditionalProperties().get("status");
    return CurrentObject.of(
        object.getMetadata().getResourceVersion(),
        status instanceof Map ? (Map<String, Object>) status : null);
  }
}
