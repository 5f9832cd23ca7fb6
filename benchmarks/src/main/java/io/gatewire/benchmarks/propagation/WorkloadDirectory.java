package io.gatewire.benchmarks.propagation;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated workload ({@code gatewire generate}, the {@code 1x1} shape) as files in a directory
 * that {@code serve -f} watches, with every Service's EndpointSlice pointing at one of a few echo
 * servers (Service {@code s} at echo server {@code s mod n}, address 127.0.0.1), and the changes a
 * user makes to it, each written as editors save (a hidden temporary file renamed over the target):
 * a route added (a new file), a route's backend changed, a Service's endpoint moved to another echo
 * server, a route deleted. It knows which echo server answers each route, so every change comes
 * with the {@link Probe} that shows it took effect.
 */
final class WorkloadDirectory {
  private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\S+)$");
  private static final Pattern NAME = Pattern.compile("(?m)^  name: (\\S+)$");
  private static final Pattern HOST = Pattern.compile("(?m)^  hostnames:\\n  - \"([^\"]+)\"$");
  private static final Pattern PATH = Pattern.compile("(?m)^        value: \"(/[^\"]+)\"$");
  private static final Pattern VARIANT =
      Pattern.compile("(?m)^      - name: x-bench-variant\\n        value: \"([^\"]+)\"$");
  private static final Pattern BACKEND =
      Pattern.compile("(?m)^(    backendRefs:\\n    - name: svc-)(\\d+)$");

  /** How the objects are spread over files. */
  enum Layout {
    /** A file per HTTPRoute, a file per Service with its EndpointSlice, one for the rest. */
    FILES("files"),
    /**
     * {@code gatewire generate}'s one file, edited in place; added routes in files of their own.
     */
    SINGLE("single");

    private final String flag;

    Layout(String flag) {
      this.flag = flag;
    }

    String flag() {
      return flag;
    }

    static Layout parse(String flag) {
      for (Layout layout : values()) {
        if (layout.flag.equals(flag)) {
          return layout;
        }
      }
      throw new IllegalArgumentException("expected files or single, was " + flag);
    }
  }

  /** An HTTPRoute of the workload, with the one Service its one rule sends to. */
  record Route(String name, String host, String path, Optional<String> variant, int service) {}

  private final Path dir;
  private final Layout layout;
  private final List<Integer> echoPorts;
  private final int[] echoOfService;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Map<String, String> documents = new LinkedHashMap<>();
  private final Map<String, Path> fileOf = new LinkedHashMap<>();
  private long writeStarted;

  private WorkloadDirectory(Path dir, Layout layout, List<Integer> echoPorts, int services) {
    this.dir = dir;
    this.layout = layout;
    this.echoPorts = List.copyOf(echoPorts);
    this.echoOfService = new int[services];
    for (int s = 0; s < services; s++) {
      echoOfService[s] = s % echoPorts.size();
    }
  }

  /** Writes {@code spec}'s workload into the empty directory {@code dir}. */
  static WorkloadDirectory write(
      WorkloadSpec spec, Layout layout, List<Integer> echoPorts, Path dir) {
    WorkloadDirectory workload = new WorkloadDirectory(dir, layout, echoPorts, spec.services());
    workload.writeAll(WorkloadGenerator.yaml(spec));
    return workload;
  }

  Path directory() {
    return dir;
  }

  /** The pod name the echo server {@code echo} answers with. */
  static String echoPod(int echo) {
    return "echo-" + echo;
  }

  /** The routes of the workload, and those added since, in order. */
  List<Route> routes() {
    return List.copyOf(routes.values());
  }

  Route route(String name) {
    Route route = routes.get(name);
    if (route == null) {
      throw new IllegalArgumentException("no route " + name);
    }
    return route;
  }

  int services() {
    return echoOfService.length;
  }

  int echoOf(int service) {
    return echoOfService[service];
  }

  int echoServers() {
    return echoPorts.size();
  }

  /** The request that reaches {@code route}, answered by the echo server of its Service. */
  Probe probe(Route route) {
    return new Probe(
        route.host(),
        route.path(),
        route.variant(),
        200,
        Optional.of(echoPod(echoOf(route.service()))));
  }

  /** Adds an HTTPRoute in a new file. */
  Route addRoute(String name, String host, String path, int service) {
    Route route = new Route(name, host, path, Optional.empty(), service);
    routes.put(name, route);
    String key = key("HTTPRoute", name);
    documents.put(key, routeDocument(route));
    Path file = dir.resolve("added").resolve(name + ".yaml");
    fileOf.put(key, file);
    save(file, documents.get(key));
    return route;
  }

  /** Points the route's backendRef at Service {@code service}. */
  Route changeBackend(String name, int service) {
    Route before = route(name);
    Route after = new Route(name, before.host(), before.path(), before.variant(), service);
    routes.put(name, after);
    String key = key("HTTPRoute", name);
    Matcher backend = BACKEND.matcher(documents.get(key));
    if (!backend.find()) {
      throw new IllegalStateException("route " + name + " has no backendRef to change");
    }
    documents.put(key, backend.replaceFirst("$1" + service));
    saveDocument(key);
    return after;
  }

  /** Moves Service {@code service}'s one endpoint to echo server {@code echo}. */
  void moveEndpoint(int service, int echo) {
    echoOfService[service] = echo;
    String key = key("EndpointSlice", sliceName(service));
    documents.put(key, sliceDocument(service));
    saveDocument(key);
  }

  /** Deletes the route: its file, or its document from the one file. */
  void deleteRoute(String name) {
    routes.remove(name);
    String key = key("HTTPRoute", name);
    documents.remove(key);
    Path file = fileOf.remove(key);
    if (file.equals(singleFile())) {
      saveFile(file);
    } else {
      try {
        writeStarted = System.nanoTime();
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void writeAll(String yaml) {
    for (String document : yaml.split("(?m)^---\\n")) {
      String kind = find(KIND, document, "kind");
      String name = find(NAME, document, "metadata.name");
      String key = key(kind, name);
      switch (kind) {
        case "EndpointSlice" -> documents.put(key, sliceDocument(service(name)));
        case "HTTPRoute" -> {
          documents.put(key, document);
          Matcher variant = VARIANT.matcher(document);
          routes.put(
              name,
              new Route(
                  name,
                  find(HOST, document, "hostname"),
                  find(PATH, document, "path"),
                  variant.find() ? Optional.of(variant.group(1)) : Optional.empty(),
                  Integer.parseInt(find(BACKEND, document, "backendRef", 2))));
        }
        default -> documents.put(key, document);
      }
      fileOf.put(key, fileFor(kind, name));
    }
    try {
      Files.createDirectories(dir.resolve("added"));
      if (layout == Layout.SINGLE) {
        saveFile(singleFile());
        return;
      }
      Files.createDirectories(dir.resolve("routes"));
      Files.createDirectories(dir.resolve("services"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Path, StringBuilder> files = new LinkedHashMap<>();
    documents.forEach(
        (key, text) -> {
          StringBuilder file = files.computeIfAbsent(fileOf.get(key), f -> new StringBuilder());
          file.append(file.isEmpty() ? "" : "---\n").append(text);
        });
    files.forEach((file, text) -> save(file, text.toString()));
  }

  private Path fileFor(String kind, String name) {
    if (layout == Layout.SINGLE) {
      return singleFile();
    }
    return switch (kind) {
      case "HTTPRoute" -> dir.resolve("routes").resolve(name + ".yaml");
      case "Service" -> dir.resolve("services").resolve(name + ".yaml");
      case "EndpointSlice" -> dir.resolve("services").resolve("svc-" + service(name) + ".yaml");
      default -> dir.resolve("base.yaml");
    };
  }

  /** Writes the file that holds document {@code key} again. */
  private void saveDocument(String key) {
    saveFile(fileOf.get(key));
  }

  /** Writes {@code file} again, with every document it holds. */
  private void saveFile(Path file) {
    StringBuilder text = new StringBuilder();
    documents.forEach(
        (other, document) -> {
          if (fileOf.get(other).equals(file)) {
            text.append(text.isEmpty() ? "" : "---\n").append(document);
          }
        });
    save(file, text.toString());
  }

  private Path singleFile() {
    return dir.resolve("workload.yaml");
  }

  /**
   * When the last change began to reach the disk (its text prepared, the write or delete about to
   * start): where a propagation time starts.
   */
  long writeStartedNanos() {
    return writeStarted;
  }

  /** Writes {@code text} beside {@code file} under a hidden name and renames it over the file. */
  private void save(Path file, String text) {
    writeStarted = System.nanoTime();
    try {
      Path temporary = file.resolveSibling(".saving-" + file.getFileName());
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String routeDocument(Route route) {
    return "apiVersion: gateway.networking.k8s.io/v1\n"
        + "kind: HTTPRoute\n"
        + "metadata:\n"
        + "  name: "
        + route.name()
        + "\n"
        + "  namespace: "
        + WorkloadGenerator.GATEWAY_NAMESPACE
        + "\n"
        + "spec:\n"
        + "  parentRefs:\n"
        + "  - name: "
        + WorkloadGenerator.GATEWAY_NAME
        + "\n"
        + "    namespace: "
        + WorkloadGenerator.GATEWAY_NAMESPACE
        + "\n"
        + "  hostnames:\n"
        + "  - \""
        + route.host()
        + "\"\n"
        + "  rules:\n"
        + "  - matches:\n"
        + "    - path:\n"
        + "        type: PathPrefix\n"
        + "        value: \""
        + route.path()
        + "\"\n"
        + "    backendRefs:\n"
        + "    - name: svc-"
        + route.service()
        + "\n"
        + "      port: 8080\n";
  }

  private String sliceDocument(int service) {
    return "apiVersion: discovery.k8s.io/v1\n"
        + "kind: EndpointSlice\n"
        + "metadata:\n"
        + "  name: "
        + sliceName(service)
        + "\n"
        + "  namespace: "
        + WorkloadGenerator.GATEWAY_NAMESPACE
        + "\n"
        + "  labels:\n"
        + "    kubernetes.io/service-name: svc-"
        + service
        + "\n"
        + "addressType: IPv4\n"
        + "ports:\n"
        + "- name: http\n"
        + "  port: "
        + echoPorts.get(echoOfService[service])
        + "\n"
        + "  protocol: TCP\n"
        + "endpoints:\n"
        + "- addresses: [\"127.0.0.1\"]\n"
        + "  conditions:\n"
        + "    ready: true\n";
  }

  private static String sliceName(int service) {
    return "svc-" + service + "-slice";
  }

  private static int service(String sliceName) {
    return Integer.parseInt(sliceName.substring("svc-".length(), sliceName.indexOf("-slice")));
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }

  private static String find(Pattern pattern, String document, String what) {
    return find(pattern, document, what, 1);
  }

  private static String find(Pattern pattern, String document, String what, int group) {
    Matcher matcher = pattern.matcher(document);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + what + " in the generated document:\n" + document);
    }
    return matcher.group(group);
  }
}
