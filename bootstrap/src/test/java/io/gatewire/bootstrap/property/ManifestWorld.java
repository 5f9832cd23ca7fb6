package io.gatewire.bootstrap.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gatewire.testkit.tls.TestCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A random Gateway API object graph as manifest documents: GatewayClasses, Gateways with listeners,
 * HTTP, gRPC and L4 routes with matches, filters and backendRefs, Services, EndpointSlices, Secrets
 * and ReferenceGrants. Values are drawn from small pools so that references mostly resolve; some
 * are deliberately odd (dangling names, wildcard and malformed hostnames, Java-only regexes, zero
 * weights).
 */
final class ManifestWorld {
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] NAMESPACES = {"apps", "infra", "other"};
  private static final String[] SERVICES = {"api", "web", "grpc", "db"};
  private static final String[] HOSTNAMES = {
    "example.com",
    "*.example.com",
    "shop.example.com",
    "a.b.example.com",
    "*",
    "UPPER.example.com",
    "bad..name",
    "-lead.example.com",
    "x".repeat(300) + ".com",
    "localhost",
    "ünïcode.example.com",
    "10.0.0.1",
    ""
  };
  private static final String[] REGEXES = {
    "/api/v[0-9]+/.*",
    "/(a|b)/[^/]+",
    "(?i)/shop",
    "(a)\\1",
    "foo(?=bar)",
    "a++",
    "[[:alpha:]]+",
    "/a.*b.*c.*d.*e.*f.*g.*",
    "(unclosed",
    "\\p{javaLowerCase}",
    ".*",
    ""
  };
  private static final String[] PATHS = {
    "/", "/api", "/api/", "/shop/cart", "", "no-slash", "/a//b", "/%20", "/x?y"
  };
  private static final String[] HEADER_NAMES = {
    "x-user", "X-Tenant", "accept", ":authority", "bad header", "x"
  };
  private static final int[] PORTS = {80, 443, 8080, 8443, 9000, 1, 65535};

  /** Out of range: the decoder refuses them, so they are drawn rarely. */
  private static final int[] BAD_PORTS = {0, -1, 70000};

  private static final String[] PROTOCOLS = {"HTTP", "HTTP", "HTTPS", "TLS", "TCP", "UDP", "SCTP"};

  private final Random random;
  private final List<ObjectNode> documents = new ArrayList<>();

  private ManifestWorld(Random random) {
    this.random = random;
  }

  /** The documents of a world drawn from {@code seed}. */
  static List<ObjectNode> generate(long seed) {
    ManifestWorld world = new ManifestWorld(new Random(seed));
    world.build();
    return world.documents;
  }

  /** The documents as one multi-document YAML text. */
  static String yaml(List<? extends JsonNode> documents) {
    StringBuilder text = new StringBuilder();
    for (JsonNode document : documents) {
      try {
        text.append("---\n").append(YAML.writeValueAsString(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  /** The same documents in another order. */
  static List<ObjectNode> shuffled(List<ObjectNode> documents, long seed) {
    List<ObjectNode> copy = new ArrayList<>(documents);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A port, rarely one out of range. */
  private int port() {
    int[] pool = chance(3) ? BAD_PORTS : PORTS;
    return pool[random.nextInt(pool.length)];
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = NODES.objectNode();
    o.put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    if (chance(20)) {
      meta.putObject("annotations").put("gateway.envoyproxy.io/team", "t" + random.nextInt(5));
    }
    documents.add(o);
    return o;
  }

  private void build() {
    object("gateway.networking.k8s.io/v1", "GatewayClass", null, "gatewire")
        .putObject("spec")
        .put("controllerName", "gatewire.io/gateway-controller");
    if (chance(20)) {
      object("gateway.networking.k8s.io/v1", "GatewayClass", null, "foreign")
          .putObject("spec")
          .put("controllerName", "example.com/other");
    }
    int gateways = 1 + random.nextInt(2);
    for (int g = 0; g < gateways; g++) {
      gateway("gw" + g);
    }
    for (String namespace : NAMESPACES) {
      for (String service : SERVICES) {
        if (chance(45)) {
          service(namespace, service);
        }
      }
    }
    int routes = random.nextInt(5);
    for (int r = 0; r < routes; r++) {
      httpRoute("r" + r, gateways);
    }
    if (chance(40)) {
      grpcRoute("g0", gateways);
    }
    if (chance(30)) {
      l4Route(chance(50) ? "TCPRoute" : "TLSRoute", "l4", gateways);
    }
    if (chance(40)) {
      grant();
    }
  }

  private void gateway(String name) {
    ObjectNode spec =
        object("gateway.networking.k8s.io/v1", "Gateway", "infra", name).putObject("spec");
    spec.put("gatewayClassName", chance(90) ? "gatewire" : "foreign");
    ArrayNode listeners = spec.putArray("listeners");
    int count = 1 + random.nextInt(3);
    for (int l = 0; l < count; l++) {
      ObjectNode listener = listeners.addObject();
      String protocol = pick(PROTOCOLS);
      listener.put("name", "l" + l).put("protocol", protocol).put("port", port());
      if (chance(50)) {
        listener.put("hostname", pick(HOSTNAMES));
      }
      if (protocol.equals("HTTPS") || protocol.equals("TLS")) {
        ObjectNode tls = listener.putObject("tls");
        tls.put("mode", protocol.equals("TLS") && chance(50) ? "Passthrough" : "Terminate");
        tls.putArray("certificateRefs").addObject().put("name", chance(80) ? "cert" : "missing");
        if (chance(90)) {
          secret("infra", "cert");
        }
      }
      if (chance(50)) {
        listener
            .putObject("allowedRoutes")
            .putObject("namespaces")
            .put("from", chance(70) ? "All" : "Same");
      }
    }
  }

  private void secret(String namespace, String name) {
    if (documents.stream()
        .anyMatch(
            d ->
                d.path("kind").asText().equals("Secret")
                    && d.path("metadata").path("name").asText().equals(name))) {
      return;
    }
    ObjectNode secret = object("v1", "Secret", namespace, name);
    secret.put("type", "kubernetes.io/tls");
    // a real (test-only) certificate: a listener naming it is served, as with a user's Secret
    secret
        .putObject("data")
        .put("tls.crt", base64(TestCertificate.ECDSA.chainPem()))
        .put("tls.key", base64(TestCertificate.ECDSA.traditionalKeyPem()));
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private void service(String namespace, String name) {
    ObjectNode spec = object("v1", "Service", namespace, name).putObject("spec");
    if (chance(80)) {
      spec.put("clusterIP", "10.96." + random.nextInt(256) + "." + random.nextInt(256));
    } else {
      spec.put("type", "ExternalName").put("externalName", pick(HOSTNAMES));
    }
    ObjectNode port = spec.putArray("ports").addObject();
    port.put("name", "http").put("port", 8080);
    if (chance(20)) {
      port.put("appProtocol", "kubernetes.io/h2c");
    }
    if (chance(60)) {
      ObjectNode slice =
          object("discovery.k8s.io/v1", "EndpointSlice", namespace, name + "-" + random.nextInt(3));
      slice
          .putObject("metadata")
          .put("name", name + "-slice")
          .put("namespace", namespace)
          .putObject("labels")
          .put("kubernetes.io/service-name", name);
      slice.put("addressType", chance(90) ? "IPv4" : "FQDN");
      slice.putArray("ports").addObject().put("name", "http").put("port", 8080 + random.nextInt(2));
      ArrayNode endpoints = slice.putArray("endpoints");
      for (int e = random.nextInt(4); e > 0; e--) {
        ObjectNode endpoint = endpoints.addObject();
        endpoint
            .putArray("addresses")
            .add("10.1." + random.nextInt(256) + "." + random.nextInt(256));
        endpoint.putObject("conditions").put("ready", chance(80));
      }
    }
  }

  private void parentRefs(ObjectNode spec, int gateways) {
    ArrayNode refs = spec.putArray("parentRefs");
    ObjectNode ref = refs.addObject();
    ref.put("name", "gw" + random.nextInt(gateways + 1)).put("namespace", "infra");
    if (chance(30)) {
      ref.put("sectionName", "l" + random.nextInt(4));
    }
    if (chance(15)) {
      ref.put("port", port());
    }
  }

  private String routeNamespace() {
    return pick(NAMESPACES);
  }

  private void hostnames(ObjectNode spec) {
    if (chance(50)) {
      ArrayNode hosts = spec.putArray("hostnames");
      for (int h = 1 + random.nextInt(2); h > 0; h--) {
        hosts.add(pick(HOSTNAMES));
      }
    }
  }

  private void backendRefs(ObjectNode rule, String namespace) {
    ArrayNode refs = rule.putArray("backendRefs");
    for (int b = random.nextInt(3); b >= 0; b--) {
      ObjectNode ref = refs.addObject();
      ref.put("name", chance(85) ? pick(SERVICES) : "dangling");
      if (chance(15)) {
        ref.put("namespace", chance(50) ? namespace : pick(NAMESPACES));
      }
      ref.put("port", chance(90) ? 8080 : port());
      if (chance(40)) {
        ref.put("weight", chance(80) ? random.nextInt(100) : -1);
      }
      if (chance(10)) {
        ref.put("kind", chance(50) ? "ServiceImport" : "Bucket");
      }
    }
  }

  private void httpRoute(String name, int gateways) {
    String namespace = routeNamespace();
    ObjectNode spec =
        object("gateway.networking.k8s.io/v1", "HTTPRoute", namespace, name).putObject("spec");
    parentRefs(spec, gateways);
    hostnames(spec);
    ArrayNode rules = spec.putArray("rules");
    for (int r = 1 + random.nextInt(3); r > 0; r--) {
      ObjectNode rule = rules.addObject();
      if (chance(20)) {
        rule.put("name", "rule-" + r);
      }
      ArrayNode matches = rule.putArray("matches");
      for (int m = random.nextInt(3); m > 0; m--) {
        matches.add(httpMatch());
      }
      if (chance(40)) {
        filters(rule.putArray("filters"));
      }
      backendRefs(rule, namespace);
      if (chance(15)) {
        rule.putObject("timeouts").put("request", chance(80) ? "10s" : "forever");
      }
      if (chance(15)) {
        ObjectNode retry = rule.putObject("retry");
        retry.putArray("codes").add(chance(80) ? 503 : 600);
        retry.put("attempts", random.nextInt(5));
      }
    }
  }

  private ObjectNode httpMatch() {
    ObjectNode match = NODES.objectNode();
    if (chance(80)) {
      String type = chance(30) ? "RegularExpression" : chance(50) ? "Exact" : "PathPrefix";
      match
          .putObject("path")
          .put("type", type)
          .put("value", type.equals("RegularExpression") ? pick(REGEXES) : pick(PATHS));
    }
    if (chance(30)) {
      ObjectNode header = match.putArray("headers").addObject();
      boolean regex = chance(40);
      header
          .put("type", regex ? "RegularExpression" : "Exact")
          .put("name", pick(HEADER_NAMES))
          .put("value", regex ? pick(REGEXES) : "v");
    }
    if (chance(20)) {
      ObjectNode query = match.putArray("queryParams").addObject();
      boolean regex = chance(40);
      query
          .put("type", regex ? "RegularExpression" : "Exact")
          .put("name", "q")
          .put("value", regex ? pick(REGEXES) : "1");
    }
    if (chance(20)) {
      match.put("method", chance(80) ? "GET" : "FETCH");
    }
    return match;
  }

  private void filters(ArrayNode filters) {
    switch (random.nextInt(6)) {
      case 0 ->
          filters
              .addObject()
              .put("type", "RequestHeaderModifier")
              .putObject("requestHeaderModifier")
              .putArray("set")
              .addObject()
              .put("name", pick(HEADER_NAMES))
              .put("value", "v");
      case 1 ->
          filters
              .addObject()
              .put("type", "ResponseHeaderModifier")
              .putObject("responseHeaderModifier")
              .putArray("remove")
              .add(pick(HEADER_NAMES));
      case 2 -> {
        ObjectNode redirect =
            filters.addObject().put("type", "RequestRedirect").putObject("requestRedirect");
        redirect.put("statusCode", chance(80) ? 301 : 307);
        if (chance(50)) {
          redirect.put("hostname", pick(HOSTNAMES));
        }
        if (chance(30)) {
          redirect.put("port", port());
        }
      }
      case 3 -> {
        ObjectNode rewrite = filters.addObject().put("type", "URLRewrite").putObject("urlRewrite");
        boolean full = chance(50);
        rewrite
            .putObject("path")
            .put("type", full ? "ReplaceFullPath" : "ReplacePrefixMatch")
            .put(full ? "replaceFullPath" : "replacePrefixMatch", pick(PATHS));
      }
      case 4 ->
          filters
              .addObject()
              .put("type", "RequestMirror")
              .putObject("requestMirror")
              .putObject("backendRef")
              .put("name", pick(SERVICES))
              .put("port", 8080);
      default ->
          filters
              .addObject()
              .put("type", "ExtensionRef")
              .putObject("extensionRef")
              .put("group", "example.com")
              .put("kind", "Auth")
              .put("name", "a");
    }
  }

  private void grpcRoute(String name, int gateways) {
    String namespace = routeNamespace();
    ObjectNode spec =
        object("gateway.networking.k8s.io/v1", "GRPCRoute", namespace, name).putObject("spec");
    parentRefs(spec, gateways);
    hostnames(spec);
    ObjectNode rule = spec.putArray("rules").addObject();
    if (chance(70)) {
      ObjectNode method = rule.putArray("matches").addObject().putObject("method");
      boolean regex = chance(40);
      method.put("type", regex ? "RegularExpression" : "Exact");
      boolean service = chance(80);
      if (service) {
        method.put("service", regex ? pick(REGEXES) : "helloworld.Greeter");
      }
      if (!service || chance(60)) {
        method.put("method", regex ? pick(REGEXES) : "SayHello");
      }
    }
    backendRefs(rule, namespace);
  }

  private void l4Route(String kind, String name, int gateways) {
    String namespace = routeNamespace();
    ObjectNode spec =
        object("gateway.networking.k8s.io/v1alpha2", kind, namespace, name).putObject("spec");
    parentRefs(spec, gateways);
    if (kind.equals("TLSRoute")) {
      hostnames(spec);
    }
    backendRefs(spec.putArray("rules").addObject(), namespace);
  }

  private void grant() {
    ObjectNode spec =
        object("gateway.networking.k8s.io/v1beta1", "ReferenceGrant", pick(NAMESPACES), "grant")
            .putObject("spec");
    spec.putArray("from")
        .addObject()
        .put("group", "gateway.networking.k8s.io")
        .put("kind", "HTTPRoute")
        .put("namespace", pick(NAMESPACES));
    spec.putArray("to").addObject().put("group", "").put("kind", chance(80) ? "Service" : "Secret");
  }
}
