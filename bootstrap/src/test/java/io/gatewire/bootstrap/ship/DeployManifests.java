package io.gatewire.bootstrap.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.gatewire.testkit.tools.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Kubernetes objects of YAML text or of the files of docs/deploy, as JSON trees. */
final class DeployManifests {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeployManifests() {}

  static Path deployDirectory() {
    return RepoRoot.find().resolve("docs/deploy");
  }

  /** Every object of the plain manifests, in file order. */
  static List<ObjectNode> plain() throws IOException {
    List<ObjectNode> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(deployDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        objects.addAll(parse(Files.readString(file)));
      }
    }
    return objects;
  }

  /** The objects of a multi-document YAML text (empty documents skipped). */
  static List<ObjectNode> parse(String yaml) throws IOException {
    List<ObjectNode> objects = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
      for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (node instanceof ObjectNode object && object.has("kind")) {
          objects.add(object);
        }
      }
    }
    return objects;
  }

  static ObjectNode only(List<ObjectNode> objects, String kind) {
    List<ObjectNode> found =
        objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  /** Gatewire's own Deployment (the examples hold an Envoy one too). */
  static ObjectNode gatewireDeployment(List<ObjectNode> objects) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals("Deployment"))
        .filter(o -> o.at("/metadata/name").asText().equals("gatewire"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment gatewire"));
  }

  static JsonNode container(ObjectNode deployment) {
    return deployment.at("/spec/template/spec/containers/0");
  }

  /** The value of {@code --name=value} among a container's args, or null. */
  static String arg(JsonNode container, String name) {
    for (JsonNode a : container.path("args")) {
      if (a.asText().startsWith(name + "=")) {
        return a.asText().substring(name.length() + 1);
      }
    }
    return null;
  }
}
