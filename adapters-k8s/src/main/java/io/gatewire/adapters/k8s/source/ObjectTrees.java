package io.gatewire.adapters.k8s.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Informer objects as the Jackson trees the manifest decoder reads, and the test of whether an
 * update changed anything Gatewire reads: an update that only touches {@code status}, {@code
 * metadata.resourceVersion} or {@code metadata.managedFields} (Gatewire's own status writes, for
 * one) is not a change.
 */
final class ObjectTrees {
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * The object as a document. Items of a list may come without apiVersion and kind; they are those
   * of the watched kind.
   */
  JsonNode tree(GenericKubernetesResource resource, ServedKind kind) {
    ObjectNode tree = mapper.valueToTree(resource);
    if (!tree.hasNonNull("apiVersion")) {
      tree.put("apiVersion", kind.apiVersion());
    }
    if (!tree.hasNonNull("kind")) {
      tree.put("kind", kind.kind().kind());
    }
    return tree;
  }

  boolean changed(GenericKubernetesResource before, GenericKubernetesResource after) {
    return !withoutBookkeeping(before).equals(withoutBookkeeping(after));
  }

  /** Whether the status differs (someone wrote it: this controller, another, or a person). */
  boolean statusChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
    return !java.util.Objects.equals(
        before.getAdditionalProperties().get("status"),
        after.getAdditionalProperties().get("status"));
  }

  private JsonNode withoutBookkeeping(GenericKubernetesResource resource) {
    ObjectNode tree = mapper.valueToTree(resource);
    tree.remove("status");
    JsonNode metadata = tree.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      meta.remove("resourceVersion");
      meta.remove("managedFields");
    }
    return tree;
  }
}
