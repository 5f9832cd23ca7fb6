package io.gatewire.adapters.k8s.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.adapters.k8s.decode.DecodedObject;
import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test objects in an API server (the real one, or fabric8's CRUD mock where a test injects faults),
 * and their translation as the cluster source would produce it: every object created here is read
 * back from the server, decoded with the real {@link ManifestDecoder} and translated with the real
 * {@link Translator}.
 */
final class ClusterObjects {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesClient client;
  private final List<HasMetadata> created = new ArrayList<>();
  private final Translator translator = new Translator(TranslatorOptions.DEFAULTS);

  ClusterObjects(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Creates the objects of a multi-document YAML text; {@code NS} in it stands for {@code
   * namespace}.
   */
  ClusterObjects create(String yaml, String namespace) {
    String text = yaml.replace("NS", namespace);
    for (String ns : List.of(namespace, namespace + "-b")) {
      if (client.namespaces().withName(ns).get() == null) {
        client
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
    }
    for (HasMetadata item :
        client.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items()) {
      if (item instanceof Service service) {
        // A real API server allocates cluster IPs and refuses one already taken by another test.
        service.getSpec().setClusterIP(null);
        service.getSpec().setClusterIPs(null);
      }
      created.add(client.resource(item).create());
    }
    return this;
  }

  void delete(String kind, String namespace, String name) {
    for (HasMetadata item : created) {
      if (item.getKind().equals(kind)
          && item.getMetadata().getName().equals(name)
          && namespace.equals(item.getMetadata().getNamespace())) {
        client.resource(item).delete();
      }
    }
  }

  /** The translation of every object created here that still exists, as the mock holds it now. */
  List<ObjectStatus> translate() {
    GatewayResources.Builder resources = GatewayResources.builder();
    ManifestDecoder decoder = new ManifestDecoder();
    for (HasMetadata item : created) {
      HasMetadata now = client.resource(item).get();
      if (now == null) {
        continue;
      }
      JsonNode json =
          JSON.valueToTree(client.getKubernetesSerialization().convertValue(now, Map.class));
      try {
        decoder
            .decode(
                json, pointer -> now.getKind() + " " + now.getMetadata().getName() + "#" + pointer)
            .objects()
            .stream()
            .map(DecodedObject::object)
            .forEach(resources::add);
      } catch (SourceException e) {
        throw new AssertionError(e);
      }
    }
    return translator.translate(resources.build()).statuses();
  }
}
