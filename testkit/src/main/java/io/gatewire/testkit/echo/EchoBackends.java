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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Real backends for a test's manifests, in one of two ways:
 *
 * <ul>
 *   <li>{@link #start}: one or more {@link EchoServer}s for every Service in them, and the
 *       manifests rewritten so that each of those Services has exactly one EndpointSlice per echo
 *       server (address {@code 127.0.0.1}, the echo server's port under every Service port's name,
 *       ready, its Pod as {@code targetRef}), in place of the slices the manifests had for it. Pods
 *       are named {@code <service>-<index>}.
 *   <li>{@link #startPods}: as a cluster runs the manifests: every echo Deployment gets its
 *       replicas as echo servers (Pods named {@code <deployment>-<hash>-<suffix>}, as a ReplicaSet
 *       names them), and every Service with a selector gets one EndpointSlice per Pod whose labels
 *       it selects, as the EndpointSlice controller writes them. A Service without a selector keeps
 *       the slices the manifests give it (a test may point them at Pods later: {@link
 *       #pointSlice}).
 * </ul>
 *
 * Traffic that a control plane routes to such a Service then really reaches an echo server.
 */
public final class EchoBackends implements AutoCloseable {
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final String ECHO_IMAGE = "gateway-api/echo-basic";
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String manifests;
  private final Map<String, List<EchoServer>> byService;
  private final Map<String, List<EchoServer>> byDeployment;

  private EchoBackends(
      String manifests,
      Map<String, List<EchoServer>> byService,
      Map<String, List<EchoServer>> byDeployment) {
    this.manifests = manifests;
    this.byService = byService;
    this.byDeployment = byDeployment;
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
          String name = name(document);
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
          servers.forEach(server -> out.add(slice(document, server, server.identity().pod())));
        }
      }
    } catch (RuntimeException e) {
      byService.values().forEach(servers -> servers.forEach(EchoServer::close));
      throw e;
    }
    return new EchoBackends(yaml(out), byService, Map.of());
  }

  /**
   * Echo servers for the replicas (default 1) of every Deployment whose container runs the
   * conformance echo image ({@code gateway-api/echo-basic}), and the manifests with an
   * EndpointSlice per selected Pod for every Service with a selector; slices the manifests had for
   * those Services are dropped, as the controller would own them.
   */
  public static EchoBackends startPods(String manifests) {
    List<JsonNode> documents = documents(manifests);
    Map<String, List<EchoServer>> byDeployment = new TreeMap<>();
    Map<String, JsonNode> podLabels = new TreeMap<>();
    Map<String, List<EchoServer>> byService = new TreeMap<>();
    List<JsonNode> out = new ArrayList<>();
    try {
      for (JsonNode document : documents) {
        if (isEchoDeployment(document)) {
          String namespace = namespace(document);
          String name = name(document);
          int replicas = document.path("spec").path("replicas").asInt(1);
          List<EchoServer> pods = new ArrayList<>();
          for (int i = 0; i < replicas; i++) {
            EchoServer pod =
                EchoServer.start(new EchoServer.Identity(namespace, name, podName(document, i)));
            pods.add(pod);
            podLabels.put(
                namespace + "/" + pod.identity().pod(),
                document.path("spec").path("template").path("metadata").path("labels"));
          }
          byDeployment.put(namespace + "/" + name, pods);
        }
      }
      for (JsonNode document : documents) {
        if (isService(document) && document.path("spec").path("selector").size() > 0) {
          List<EchoServer> selected = new ArrayList<>();
          byDeployment.values().stream()
              .flatMap(List::stream)
              .filter(pod -> pod.identity().namespace().equals(namespace(document)))
              .filter(
                  pod ->
                      selects(
                          document.path("spec").path("selector"),
                          podLabels.get(pod.identity().namespace() + "/" + pod.identity().pod())))
              .forEach(selected::add);
          byService.put(namespace(document) + "/" + name(document), selected);
        }
      }
      for (JsonNode document : documents) {
        if (!isSliceOf(document, byService)) {
          out.add(document);
        }
      }
      for (JsonNode document : documents) {
        List<EchoServer> selected = byService.get(namespace(document) + "/" + name(document));
        if (isService(document) && selected != null) {
          selected.forEach(
              pod -> out.add(slice(document, pod, name(document) + "-" + pod.identity().pod())));
        }
      }
    } catch (RuntimeException e) {
      byDeployment.values().forEach(pods -> pods.forEach(EchoServer::close));
      throw e;
    }
    return new EchoBackends(yaml(out), byService, byDeployment);
  }

  /** The manifests with the echo servers' EndpointSlices in place of the Services' own. */
  public String manifests() {
    return manifests;
  }

  /** The echo servers behind Service {@code namespace/name}; empty for an unknown one. */
  public List<EchoServer> servers(String namespace, String name) {
    return byService.getOrDefault(namespace + "/" + name, List.of());
  }

  /** Every echo server, by {@code namespace/service}. */
  public Map<String, List<EchoServer>> all() {
    return byService;
  }

  /** The Pods of Deployment {@code namespace/name} ({@link #startPods}); empty for another one. */
  public List<EchoServer> pods(String namespace, String name) {
    return byDeployment.getOrDefault(namespace + "/" + name, List.of());
  }

  /** The echo server of Pod {@code namespace/pod}, if this holds it. */
  public Optional<EchoServer> pod(String namespace, String pod) {
    return byDeployment.values().stream()
        .flatMap(List::stream)
        .filter(s -> s.identity().namespace().equals(namespace) && s.identity().pod().equals(pod))
        .findFirst();
  }

  /**
   * {@code manifests} with EndpointSlice {@code namespace/slice} pointing at the Pods of Deployment
   * {@code namespace/deployment}, as a test that patches a slice's endpoints with those Pods' IPs
   * does. Echo Pods have IPv4 addresses only, so an IPv6 slice gets no endpoints; an IPv4 slice
   * becomes one slice per Pod (each echo server has a port of its own), the first keeping the
   * slice's name. Anything else in {@code manifests} is left as it is.
   */
  public String pointSlice(String manifests, String namespace, String slice, String deployment) {
    List<JsonNode> out = new ArrayList<>();
    boolean found = false;
    for (JsonNode document : documents(manifests)) {
      if (!document.path("kind").asText().equals("EndpointSlice")
          || !namespace(document).equals(namespace)
          || !name(document).equals(slice)) {
        out.add(document);
        continue;
      }
      found = true;
      if (!document.path("addressType").asText().equals("IPv4")) {
        ObjectNode empty = document.deepCopy();
        empty.putArray("endpoints");
        out.add(empty);
        continue;
      }
      List<EchoServer> pods = pods(namespace, deployment);
      for (int i = 0; i < pods.size(); i++) {
        ObjectNode patched = document.deepCopy();
        ((ObjectNode) patched.path("metadata")).put("name", i == 0 ? slice : slice + "-" + i);
        endpoint(patched.putArray("endpoints").addObject(), pods.get(i));
        for (JsonNode port : patched.path("ports")) {
          ((ObjectNode) port).put("port", pods.get(i).port());
        }
        out.add(patched);
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          "no EndpointSlice " + namespace + "/" + slice + " in the manifests");
    }
    return yaml(out);
  }

  @Override
  public void close() {
    byService.values().forEach(servers -> servers.forEach(EchoServer::close));
    byDeployment.values().forEach(pods -> pods.forEach(EchoServer::close));
  }

  /**
   * A Pod name as a ReplicaSet gives it, {@code <deployment>-<10 hex>-<5 characters>}: the
   * conformance suite takes a Pod's backend to be its name without the last two parts.
   */
  private static String podName(JsonNode deployment, int index) {
    long hash = (namespace(deployment) + "/" + name(deployment)).hashCode() & 0xffffffffL;
    return String.format(Locale.ROOT, "%s-%010x-p%04d", name(deployment), hash, index);
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    if (labels == null) {
      return false;
    }
    var fields = selector.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (!labels.path(entry.getKey()).asText("\0").equals(entry.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode slice(JsonNode service, EchoServer server, String name) {
    ObjectNode slice = YAML.createObjectNode();
    slice.put("apiVersion", "discovery.k8s.io/v1");
    slice.put("kind", "EndpointSlice");
    ObjectNode metadata = slice.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace(service));
    metadata.putObject("labels").put(SERVICE_NAME_LABEL, name(service));
    slice.put("addressType", "IPv4");
    endpoint(slice.putArray("endpoints").addObject(), server);
    ArrayNode ports = slice.putArray("ports");
    for (JsonNode port : service.path("spec").path("ports")) {
      ObjectNode slicePort = ports.addObject();
      slicePort.put("name", port.path("name").asText(""));
      slicePort.put("port", server.port());
      slicePort.put("protocol", port.path("protocol").asText("TCP"));
    }
    return slice;
  }

  private static void endpoint(ObjectNode endpoint, EchoServer server) {
    endpoint.putArray("addresses").add("127.0.0.1");
    endpoint.putObject("conditions").put("ready", true);
    ObjectNode target = endpoint.putObject("targetRef");
    target.put("kind", "Pod");
    target.put("namespace", server.identity().namespace());
    target.put("name", server.identity().pod());
  }

  private static boolean isService(JsonNode document) {
    return document.path("kind").asText().equals("Service")
        && document.path("apiVersion").asText().equals("v1");
  }

  private static boolean isEchoDeployment(JsonNode document) {
    if (!document.path("kind").asText().equals("Deployment")) {
      return false;
    }
    for (JsonNode container :
        document.path("spec").path("template").path("spec").path("containers")) {
      if (container.path("image").asText().contains(ECHO_IMAGE)) {
        return true;
      }
    }
    return false;
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

  private static String yaml(List<JsonNode> documents) {
    StringBuilder yaml = new StringBuilder();
    for (JsonNode document : documents) {
      try {
        yaml.append(YAML.writeValueAsString(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return yaml.toString();
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
