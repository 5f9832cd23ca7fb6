package io.gatewire.adapters.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * A parser that stops at the first YAML alias and at nesting deeper than the limit. Jackson reads
 * an alias ({@code *name}) as the string {@code name}, which would silently change the manifest,
 * and expanding aliases is what alias bombs ("billion laughs") feed on; kubectl users rarely write
 * them, so an alias is an error that says to write the value out.
 */
final class LimitedParser extends JsonParserDelegate {
  private final int maxNestingDepth;

  LimitedParser(JsonParser parser, int maxNestingDepth) {
    super(parser);
    this.maxNestingDepth = maxNestingDepth;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = super.nextToken();
    if (token != null
        && token.isStructStart()
        && delegate.getParsingContext().getNestingDepth() > maxNestingDepth) {
      throw new LimitExceeded(
          this,
          "objects and lists nest deeper than the limit of "
              + maxNestingDepth
              + " levels (--max-nesting-depth)");
    }
    if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new LimitExceeded(
          this,
          "YAML alias *"
              + yaml.getText()
              + " is not supported (aliases are not"
              + " expanded, which also keeps out alias bombs); write the value out instead");
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  /** An input limit was reached at the parser's current token. */
  static final class LimitExceeded extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(JsonParser parser, String message) {
      super(message, parser.currentTokenLocation());
    }
  }
}
