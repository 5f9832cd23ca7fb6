package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.port.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one parsed Kubernetes document into domain objects. A {@code List} (or any {@code *List}
 * kind with {@code items}) gives one object per item; a kind Gatewire does not read gives a warning
 * instead of an object. A document that is not a valid object of a kind Gatewire reads is an error
 * naming the place (from the caller's {@link DocumentLocation}), the object when known, the field
 * and what is wrong. Instances are immutable and may be shared between threads.
 */
public final class ManifestDecoder {
  private static final String LIST_SUFFIX = "List";
  private static final JsonPointer API_VERSION = JsonPointer.compile("/apiVersion");
  private static final JsonPointer KIND = JsonPointer.compile("/kind");
  private static final JsonPointer ITEMS = JsonPointer.compile("/items");

  private final ObjectMapper mapper =
      JsonMapper.builder().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build();
  private final KindRegistry kinds = new KindRegistry();
  private final MetaMapper metas = new MetaMapper();
  private final CrdSchemas schemas;

  /** A decoder for objects an API server has already validated (a cluster's). */
  public ManifestDecoder() {
    this(null);
  }

  private ManifestDecoder(CrdSchemas schemas) {
    this.schemas = schemas;
  }

  /**
   * A decoder for objects that never met an API server (files): it also refuses a Gateway API
   * object that the API server would refuse with strict field validation, as {@code kubectl apply}
   * asks for: an unknown field, or a value against its CRD's schema ({@link StructuralSchema}),
   * with the API server's reason.
   */
  public static ManifestDecoder withApiServerChecks() {
    return new ManifestDecoder(CrdSchemas.get());
  }

  /**
   * Decodes {@code document}.
   *
   * @throws SourceException when the document is not a valid object; its location is where the
   *     problem is (the offending field's line when {@code location} knows lines)
   */
  public DecodedDocument decode(JsonNode document, DocumentLocation location)
      throws SourceException {
    if (!document.isObject()) {
      throw new SourceException(
          location.start(),
          "expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found "
              + (document.isArray() ? "a list" : "a scalar"));
    }
    String apiVersion = requiredHeader(document, "apiVersion", API_VERSION, location);
    String kind = requiredHeader(document, "kind", KIND, location);
    if (isList(kind, document)) {
      return decodeList(apiVersion, kind, document, location);
    }
    ObjectHeader header = ObjectHeader.of(apiVersion, kind, document);
    Optional<ResourceKind<?, ?>> resourceKind = kinds.find(apiVersion, kind);
    if (resourceKind.isEmpty()) {
      return DecodedDocument.skipped(
          location.start() + ": skipped unsupported kind " + header.describeUnsupported());
    }
    return DecodedDocument.of(
        new DecodedObject(
            decodeAs(resourceKind.get(), header, document, location), location.start()));
  }

  private static String requiredHeader(
      JsonNode document, String field, JsonPointer pointer, DocumentLocation location)
      throws SourceException {
    JsonNode value = document.get(field);
    if (value == null || value.isNull()) {
      throw new SourceException(location.start(), field + ": required");
    }
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new SourceException(location.at(pointer), field + ": expected a non-empty string");
    }
    return value.asText();
  }

  private static boolean isList(String kind, JsonNode document) {
    return kind.endsWith(LIST_SUFFIX) && document.path("items").isArray();
  }

  /**
   * Items of a typed list such as {@code GatewayList} may omit apiVersion and kind (the API server
   * leaves them out); they are taken from the list.
   */
  private DecodedDocument decodeList(
      String apiVersion, String kind, JsonNode list, DocumentLocation location)
      throws SourceException {
    String itemKind = kind.substring(0, kind.length() - LIST_SUFFIX.length());
    List<DecodedDocument> items = new ArrayList<>();
    JsonNode array = list.get("items");
    for (int i = 0; i < array.size(); i++) {
      items.add(
          decode(
              withListHeader(array.get(i), apiVersion, itemKind),
              location.within(ITEMS.appendIndex(i))));
    }
    return DecodedDocument.concat(items);
  }

  private static JsonNode withListHeader(JsonNode item, String apiVersion, String itemKind) {
    boolean complete = item.hasNonNull("apiVersion") && item.hasNonNull("kind");
    if (!item.isObject() || itemKind.isEmpty() || complete) {
      return item;
    }
    ObjectNode withHeader = ((ObjectNode) item).deepCopy();
    if (!withHeader.hasNonNull("apiVersion")) {
      withHeader.put("apiVersion", apiVersion);
    }
    if (!withHeader.hasNonNull("kind")) {
      withHeader.put("kind", itemKind);
    }
    return withHeader;
  }

  private <T, B> KubernetesObject decodeAs(
      ResourceKind<T, B> kind, ObjectHeader header, JsonNode document, DocumentLocation location)
      throws SourceException {
    String object = header.describe(kind.namespaced());
    if (header.name() == null) {
      throw invalid(location, object, FieldPath.ROOT.field("metadata").field("name"), "required");
    }
    if (schemas != null) {
      Optional<StructuralSchema.Violation> violation =
          schemas.find(header.apiVersion(), header.kind()).flatMap(s -> s.check(document));
      if (violation.isPresent()) {
        StructuralSchema.Violation v = violation.get();
        boolean named = v.message().startsWith("unknown field");
        throw new SourceException(
            location.at(v.path().pointer()),
            object + ": " + (named ? "" : v.path().text() + ": ") + v.message());
      }
    }
    ShapeProblem shape = shapeProblem(document, FieldPath.ROOT, null);
    if (shape != null) {
      throw invalid(location, object, shape.path(), shape.problem());
    }
    T resource;
    try {
      resource = mapper.treeToValue(document, kind.type());
    } catch (JsonProcessingException e) {
      ReadError error = ReadError.of(e, document);
      throw invalid(location, object, error.path(), error.problem());
    }
    try {
      ObjectMeta meta = metas.map(header, kind.namespaced(), kind.metadata().apply(resource));
      return kind.toDomain(resource, meta);
    } catch (InvalidFieldException e) {
      throw invalid(location, object, e.path(), e.problem());
    } catch (RuntimeException e) {
      // a shape no mapper expects; still the input's fault, so an error that names the object
      throw invalid(location, object, FieldPath.ROOT, "cannot be read (" + e + ")");
    }
  }

  /** Something wrong at a field whatever the kind, which the typed model would let through. */
  private record ShapeProblem(FieldPath path, String problem) {}

  private static final int HIGHEST_PORT = 65535;

  /**
   * The first null list item (the typed model would hand it to the mappers as null) or numeric
   * {@code port} outside 1 to 65535 (as every Gateway API and core port field is bounded) in {@code
   * node}.
   */
  private static ShapeProblem shapeProblem(JsonNode node, FieldPath path, String name) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        FieldPath item = path.index(i);
        ShapeProblem found =
            node.get(i).isNull()
                ? new ShapeProblem(item, "a list item must not be null")
                : shapeProblem(node.get(i), item, null);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        ShapeProblem found =
            shapeProblem(field.getValue(), path.field(field.getKey()), field.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if ("port".equals(name)
        && node.isNumber()
        && (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > HIGHEST_PORT)) {
      return new ShapeProblem(
          path, "must be a port between 1 and " + HIGHEST_PORT + ", not " + node.asText());
    }
    return null;
  }

  private static SourceException invalid(
      DocumentLocation location, String object, FieldPath path, String problem) {
    String field = path.text().isEmpty() ? "" : path.text() + ": ";
    return new SourceException(location.at(path.pointer()), object + ": " + field + problem);
  }
}
