package io.gatewire.testkit.echo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real backends for a test's manifests: one or more {@link EchoServer}s for every Service in them,
 * and the manifests rewritten so that each of those Services has exactly one EndpointSlice per echo
 * server (address {@code 127.0.0.1}, the echo server's port under every Service port's name, ready,
 * its Pod as {@code targetRef}), in place of the slices the manifests had for it. Traffic that a
 * control plane routes to such a Service then really reaches an echo server. Pods are named {@code
 * <service>-<index>}.
 */
public final class EchoBackends implements AutoCloseable {
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String manifests;
  private final Map<String, List<EchoServer>> byService;

  private EchoBackends(String manifests, Map<String, List<EchoServer>> byService) {
    this.manifests = manifests;
    this.byService = byService;
  }

  /** One echo server per Service. */
  public static EchoBackends start(String manifests) {
    return start(manifests, 1);
  }

  /** {@code replicas} echo servers per Service. */
  public static EchoBackends start(String manifests, int replicas) {
    List<JsonNode> documents = documents(manifests);
    Map<String, List<EchoServer>> byService = new TreeMap<>();
    List<JsonNode> out = new ArrayList<>();
    try {
      for (JsonNode document : documents) {
        if (isService(document)) {
          String namespace = namespace(document);
          String name = document.path("metadata").path("name").asText();
          List<EchoServer> servers = new ArrayList<>();
          for (int i = 0; i < replicas; i++) {
            servers.add(EchoServer.start(new EchoServer.Identity(namespace, name, name + "-" + i)));
          }
          byService.put(namespace + "/" + name, servers);
        }
      }
      for (JsonNode document : documents) {
        if (!isSliceOf(document, byService)) {
          out.add(document);
        }
      }
      for (JsonNode document : documents) {
        if (isService(document)) {
          List<EchoServer> servers = byService.get(namespace(document) + "/" + name(document));
          servers.forEach(server -> out.add(slice(document, server)));
        }
      }
    } catch (RuntimeException e) {
      byService.values().forEach(servers -> servers.forEach(EchoServer::close));
      throw e;
    }
    StringBuilder yaml = new StringBuilder();
    for (JsonNode document : out) {
      try {
        yaml.append(YAML.writeValueAsString(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new EchoBackends(yaml.toString(), byService);
  }

  /** The manifests with the echo servers' EndpointSlices in place of the Services' own. */
  public String manifests() {
    return manifests;
  }

  /** The echo servers of Service {@code namespace/name}; empty for an unknown one. */
  public List<EchoServer> servers(String namespace, String name) {
    return byService.getOrDefault(namespace + "/" + name, List.of());
  }

  /** Every echo server, by {@code namespace/service}. */
  public Map<String, List<EchoServer>> all() {
    return byService;
  }

  @Override
  public void close() {
    byService.values().forEach(servers -> servers.forEach(EchoServer::close));
  }

  private static ObjectNode slice(JsonNode service, EchoServer server) {
    ObjectNode slice = YAML.createObjectNode();
    slice.put("apiVersion", "discovery.k8s.io/v1");
    slice.put("kind", "EndpointSlice");
    ObjectNode metadata = slice.putObject("metadata");
    metadata.put("name", server.identity().pod());
    metadata.put("namespace", server.identity().namespace());
    metadata.putObject("labels").put(SERVICE_NAME_LABEL, server.identity().service());
    slice.put("addressType", "IPv4");
    ObjectNode endpoint = slice.putArray("endpoints").addObject();
    endpoint.putArray("addresses").add("127.0.0.1");
    endpoint.putObject("conditions").put("ready", true);
    ObjectNode target = endpoint.putObject("targetRef");
    target.put("kind", "Pod");
    target.put("namespace", server.identity().namespace());
    target.put("name", server.identity().pod());
    ArrayNode ports = slice.putArray("ports");
    for (JsonNode port : service.path("spec").path("ports")) {
      ObjectNode slicePort = ports.addObject();
      slicePort.put("name", port.path("name").asText(""));
      slicePort.put("port", server.port());
      slicePort.put("protocol", port.path("protocol").asText("TCP"));
    }
    return slice;
  }

  private static boolean isService(JsonNode document) {
    return document.path("kind").asText().equals("Service")
        && document.path("apiVersion").asText().equals("v1");
  }

  private static boolean isSliceOf(JsonNode document, Map<String, List<EchoServer>> services) {
    if (!document.path("kind").asText().equals("EndpointSlice")) {
      return false;
    }
    String service = document.path("metadata").path("labels").path(SERVICE_NAME_LABEL).asText("");
    return services.containsKey(namespace(document) + "/" + service);
  }

  private static String name(JsonNode document) {
    return document.path("metadata").path("name").asText();
  }

  private static String namespace(JsonNode document) {
    return document.path("metadata").path("namespace").asText("default");
  }

  /** The documents, with the items of {@code List} kinds in their place. */
  private static List<JsonNode> documents(String manifests) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(manifests)) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document == null || document.isNull() || document.isMissingNode()) {
          continue;
        }
        if (document.path("kind").asText().equals("List")) {
          document.path("items").forEach(documents::add);
        } else {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the manifests do not parse as YAML", e);
    }
    return documents;
  }
}
