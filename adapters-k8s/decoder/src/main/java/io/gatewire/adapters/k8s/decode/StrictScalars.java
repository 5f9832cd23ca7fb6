package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Set;

/**
 * Scalars that take their own JSON type only: Jackson would otherwise read {@code 5} as {@code
 * "5"}, {@code "5"} as {@code 5} and {@code "true"} as {@code true}, which a CRD schema refuses.
 */
final class StrictScalars {
  private StrictScalars() {}

  /** A string. */
  static final class Text extends Strict<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class, Set.of(JsonToken.VALUE_STRING));
    }

    @Override
    String read(JsonParser parser) throws IOException {
      return parser.getText();
    }
  }

  /** An integer. */
  static final class Int extends Strict<Integer> {
    private static final long serialVersionUID = 1L;

    Int() {
      super(Integer.class, Set.of(JsonToken.VALUE_NUMBER_INT));
    }

    @Override
    Integer read(JsonParser parser) throws IOException {
      return parser.getIntValue();
    }
  }

  /** A number, integral or not. */
  static final class Decimal extends Strict<Double> {
    private static final long serialVersionUID = 1L;

    Decimal() {
      super(Double.class, Set.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT));
    }

    @Override
    Double read(JsonParser parser) throws IOException {
      return parser.getDoubleValue();
    }
  }

  /** A boolean. */
  static final class Bool extends Strict<Boolean> {
    private static final long serialVersionUID = 1L;

    Bool() {
      super(Boolean.class, Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE));
    }

    @Override
    Boolean read(JsonParser parser) throws IOException {
      return parser.getBooleanValue();
    }
  }

  /** Takes {@code tokens} only; anything else is the usual "expected ..., found ..." error. */
  abstract static class Strict<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Set<JsonToken> tokens;

    Strict(Class<T> type, Set<JsonToken> tokens) {
      super(type);
      this.tokens = tokens;
    }

    abstract T read(JsonParser parser) throws IOException;

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!tokens.contains(parser.currentToken())) {
        return (T) context.handleUnexpectedToken(handledType(), parser);
      }
      return read(parser);
    }
  }
}
