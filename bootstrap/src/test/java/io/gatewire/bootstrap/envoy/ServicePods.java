package io.gatewire.bootstrap.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Pods stand behind each Service, as the manifests' EndpointSlices say (label {@code
 * kubernetes.io/service-name}, each endpoint's {@code targetRef}): a Pod that answered a request is
 * matched to the Services route-check names.
 */
public final class ServicePods {
  private final Map<String, Set<String>> podsByService;

  private ServicePods(Map<String, Set<String>> podsByService) {
    this.podsByService = podsByService;
  }

  public static ServicePods of(String manifests) {
    Map<String, Set<String>> pods = new TreeMap<>();
    try (MappingIterator<JsonNode> documents =
        new YAMLMapper().readerFor(JsonNode.class).readValues(manifests)) {
      while (documents.hasNext()) {
        JsonNode slice = documents.next();
        if (slice == null || !slice.path("kind").asText().equals("EndpointSlice")) {
          continue;
        }
        String namespace = slice.path("metadata").path("namespace").asText("default");
        String service =
            slice.path("metadata").path("labels").path("kubernetes.io/service-name").asText();
        Set<String> ofService =
            pods.computeIfAbsent(namespace + "/" + service, key -> new TreeSet<>());
        for (JsonNode endpoint : slice.path("endpoints")) {
          JsonNode target = endpoint.path("targetRef");
          if (target.path("kind").asText().equals("Pod")) {
            ofService.add(
                target.path("namespace").asText(namespace) + "/" + target.path("name").asText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServicePods(pods);
  }

  /** Whether Pod {@code podNamespace/pod} is an endpoint of Service {@code namespace/service}. */
  public boolean backs(String namespace, String service, String podNamespace, String pod) {
    return podsByService
        .getOrDefault(namespace + "/" + service, Set.of())
        .contains(podNamespace + "/" + pod);
  }

  /** The Pods of Service {@code namespace/service}, as {@code namespace/pod}. */
  public Set<String> pods(String namespace, String service) {
    return podsByService.getOrDefault(namespace + "/" + service, Set.of());
  }
}
