package io.gatewire.bootstrap.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Breaks generated documents the ways hand-written or hostile manifests are broken: a field
 * removed, a value of the wrong type, a huge or odd string, a huge number, a document dropped (its
 * references dangle) or repeated. Each mutation changes deep copies, never the input.
 */
final class Mutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] ODD_STRINGS = {
    "",
    " ",
    "\u0000",
    "line\nbreak",
    "ünïcödé",
    "../../etc/passwd",
    "${jndi:ldap://x}",
    "*",
    "-",
    "0",
    "true",
    "null",
    "a".repeat(20_000),
    "\uD83D\uDE00",
    "%s%n",
    "\\"
  };

  private Mutations() {}

  /** {@code count} mutations of deep copies of {@code documents}. */
  static List<ObjectNode> apply(List<ObjectNode> documents, long seed, int count) {
    Random random = new Random(seed);
    List<ObjectNode> copies = new ArrayList<>();
    documents.forEach(d -> copies.add(d.deepCopy()));
    for (int i = 0; i < count && !copies.isEmpty(); i++) {
      mutate(copies, random);
    }
    return copies;
  }

  private static void mutate(List<ObjectNode> documents, Random random) {
    int which = random.nextInt(documents.size());
    switch (random.nextInt(10)) {
      case 0 -> documents.remove(which);
      case 1 -> documents.add(documents.get(which).deepCopy());
      default -> {
        List<Slot> slots = new ArrayList<>();
        collect(documents.get(which), slots);
        if (!slots.isEmpty()) {
          slots.get(random.nextInt(slots.size())).change(random);
        }
      }
    }
  }

  /** Every field and list item below {@code node}. */
  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        slots.add(new Slot(object, field.getKey(), -1));
        collect(field.getValue(), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** A field of an object or an item of a list. */
  private record Slot(JsonNode parent, String field, int index) {
    void change(Random random) {
      JsonNode replacement =
          switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> NODES.numberNode(random.nextInt(2) == 0 ? -1 : Integer.MAX_VALUE);
            case 2 -> NODES.numberNode(new BigInteger("1" + "0".repeat(40)));
            case 3 -> NODES.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 4 -> NODES.arrayNode().add("x");
            case 5 -> NODES.objectNode().put("unexpected", 1);
            case 6 -> NODES.booleanNode(true);
            default -> NODES.nullNode();
          };
      if (parent instanceof ObjectNode object) {
        if (replacement == null) {
          object.remove(field);
        } else {
          object.set(field, replacement);
        }
      } else {
        ArrayNode array = (ArrayNode) parent;
        if (replacement == null) {
          array.remove(index);
        } else {
          array.set(index, replacement);
        }
      }
    }
  }
}
