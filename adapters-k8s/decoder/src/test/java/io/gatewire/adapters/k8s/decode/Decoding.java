package io.gatewire.adapters.k8s.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.port.SourceException;
import java.io.UncheckedIOException;

/**
 * Decodes YAML text in tests. Locations name the JSON pointer the decoder asked for ({@code
 * doc.yaml#/spec/rules/0}), so tests see which field an error points at.
 */
final class Decoding {
  static final ManifestDecoder DECODER = new ManifestDecoder();
  static final DocumentLocation LOCATION = pointer -> "doc.yaml#" + pointer;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Decoding() {}

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DecodedDocument decode(String yaml) throws SourceException {
    return DECODER.decode(yaml(yaml), LOCATION);
  }

  /** The one object {@code yaml} holds, as the record type it must decode to. */
  static <T extends KubernetesObject> T decodeOne(String yaml, Class<T> type)
      throws SourceException {
    DecodedDocument decoded = decode(yaml);
    assertThat(decoded.warnings()).isEmpty();
    assertThat(decoded.objects()).hasSize(1);
    return type.cast(decoded.objects().get(0).object());
  }

  static SourceException decodeError(String yaml) {
    SourceException error = catchThrowableOfType(SourceException.class, () -> decode(yaml));
    assertThat(error).as("decoding should fail").isNotNull();
    return error;
  }
}
